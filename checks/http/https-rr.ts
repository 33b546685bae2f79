import { defineCheck } from '../../src/evidence/check.js';
import { endpointLabel } from '../../src/evidence/endpoint-label.js';
import type { HttpsRecord } from '../../src/evidence/http.js';
import type { TargetEvidence } from '../../src/evidence/target.js';

const FIX_RECORD = 'Publish the HTTPS record in the wire format RFC 9460 defines (most DNS providers validate it), or remove it.';

/** A ServiceMode record whose endpoint is the scanned host itself, so the scan saw its server. */
function forThisHost(r: HttpsRecord, host: string): boolean {
  return r.priority !== null && r.priority > 0 && (r.target === '.' || r.target === r.name || r.target === `${host}.`);
}

function summary(r: HttpsRecord): string {
  const p = r.params ?? {};
  const parts = [`priority ${r.priority}`, `target ${r.target}`];
  if (p.alpn) parts.push(`alpn ${p.alpn.join(',')}${p.noDefaultAlpn ? ' (no default)' : ''}`);
  if (p.port !== undefined) parts.push(`port ${p.port}`);
  if (p.ech !== undefined) parts.push('ECH');
  return parts.join(', ');
}

/** The hints of one family that name none of the host's own addresses of that family. */
function strayHints(ev: TargetEvidence, hints: readonly string[] | undefined, family: 4 | 6): string[] {
  if (!hints || (ev.dns?.mode !== 'stub' && ev.dns?.mode !== 'iterative')) return [];
  const own = new Set(ev.dns.addresses.filter((a) => a.family === family).map((a) => a.address));
  return hints.filter((h) => !own.has(h));
}

export default defineCheck({
  id: 'http.https-rr',
  area: 'http',
  title: 'HTTPS DNS record (RFC 9460)',
  cite: ['RFC 9460 §9', 'RFC 9460 §7', 'RFC 9460 §2.4.2'],
  // The ALPN comparison reads TLS evidence when the scan has it; it does not make an http-only scan run the TLS probes.
  needs: ['http'],
  outcomes: {
    present: { text: 'HTTPS record: {summary} (DNSSEC: {dnssec}); browsers that read it go straight to https://' },
    alias: { text: 'HTTPS record aliases the service to {target} (DNSSEC: {dnssec})' },
    absent: { text: 'no HTTPS record (optional: it lets browsers skip plain HTTP and find HTTP/2, HTTP/3 and ECH)' },
    invalid: { text: 'HTTPS record that clients ignore or misread: {problem}', fix: FIX_RECORD },
    'alpn-mismatch': {
      text: 'the HTTPS record advertises h2, but the server chose {alpn} when offered h2',
      fix: 'Enable HTTP/2 on the server, or drop h2 from the record\'s alpn list.',
    },
    'port-unreachable': {
      text: 'the HTTPS record sends browsers to port {port}, where HTTPS did not answer',
      fix: 'Serve HTTPS on the port the record names, or remove the port parameter.',
    },
    'hint-mismatch': {
      text: 'the HTTPS record hints at {hints}, which are not the host\'s addresses',
      fix: 'Keep ipv4hint and ipv6hint equal to the A and AAAA records, or remove them: stale hints send first connections to the wrong server.',
    },
  },
  applies: (ev) => ev.attempts['http.https-rr']?.status === 'ok' && ev.http?.httpsRR !== undefined,
  run: (ev, ctx) => {
    const records = ev.http!.httpsRR!;
    if (records.length === 0) return [ctx.emit('absent')];
    const out = records.flatMap((r) => {
      if (r.malformed !== undefined) return [ctx.emit('invalid', { problem: r.malformed })];
      return r.problems.map((problem) => ctx.emit('invalid', { problem }));
    });
    const usable = records.filter((r) => r.priority !== null);
    // RFC 9460 §2.4.2: with an AliasMode record in the set, clients ignore the ServiceMode ones.
    const alias = usable.find((r) => r.priority === 0);
    if (alias) return [...out, ctx.emit('alias', { target: alias.target ?? '.', dnssec: alias.dnssec })];
    for (const r of usable) {
      out.push(ctx.emit('present', { summary: summary(r), dnssec: r.dnssec }));
      if (!forThisHost(r, ctx.target.host)) continue;
      if (r.portAnswers === false) out.push(ctx.emit('port-unreachable', { port: r.params!.port! }));
      const stray = [...strayHints(ev, r.params!.ipv4hint, 4), ...strayHints(ev, r.params!.ipv6hint, 6)];
      if (stray.length > 0) out.push(ctx.emit('hint-mismatch', { hints: stray.join(', ') }));
      // The TLS evidence is the scanned port's: it says nothing about a server on another port.
      const samePort = r.params!.port === undefined || r.params!.port === ctx.target.port;
      if (!samePort || !r.params!.alpn?.includes('h2')) continue;
      for (const ep of ev.endpoints) {
        const alpn = ep.tls?.negotiated?.alpn;
        if (ep.tls && alpn !== 'h2') out.push(ctx.emit('alpn-mismatch', { alpn: alpn ?? 'no protocol' }, endpointLabel(ep.address, ep.port)));
      }
    }
    return out;
  },
});
