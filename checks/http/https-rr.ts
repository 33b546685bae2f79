import { defineCheck } from '../../src/evidence/check.js';
import type { DnssecStatus } from '../../src/evidence/dnssec.js';
import { endpointLabel } from '../../src/evidence/endpoint-label.js';
import type { HttpsAliasChain, HttpsRecord } from '../../src/evidence/http.js';
import type { TargetEvidence } from '../../src/evidence/target.js';
import { aliasRecord, httpsRrName, reachesScannedServers, serviceEndpoint, serviceRecords } from '../../src/http/https-rr-service.js';

const FIX_RECORD = 'Publish the HTTPS record in the wire format RFC 9460 defines (most DNS providers validate it), or remove it.';
const FIX_ALIAS = 'Point the AliasMode record at a name that publishes ServiceMode records (or only A/AAAA), or remove it.';

function summary(r: HttpsRecord, via: string): string {
  const p = r.params ?? {};
  const parts = [`priority ${r.priority}`, `target ${r.target}`];
  if (p.alpn) parts.push(`alpn ${p.alpn.join(',')}${p.noDefaultAlpn ? ' (no default)' : ''}`);
  if (p.port !== undefined) parts.push(`port ${p.port}`);
  if (p.ech !== undefined) parts.push('ECH');
  if (via) parts.push(`through the alias ${via}`);
  return parts.join(', ');
}

/** The names a client walks: the service name, each TargetName asked, and the one it stopped at without asking. */
function chainText(own: string, records: readonly HttpsRecord[], alias: HttpsAliasChain): string {
  const names = [own, ...alias.hops.map((h) => h.name)];
  const stoppedAt = aliasRecord(alias.hops.at(-1)?.records ?? records)?.target;
  if ((alias.end === 'loop' || alias.end === 'unavailable' || alias.end === 'too-long') && stoppedAt) names.push(stoppedAt);
  return names.join(' → ');
}

/** The hints of one family that name none of the endpoint's addresses of that family (null: addresses unknown). */
function strayHints(own: readonly string[] | null, hints: readonly string[] | undefined, family: 4 | 6): string[] {
  if (!hints || own === null) return [];
  const mine = new Set(own.filter((a) => a.includes(':') === (family === 6)));
  return hints.filter((h) => !mine.has(h));
}

function hostAddresses(ev: TargetEvidence): string[] | null {
  return ev.dns?.mode === 'stub' || ev.dns?.mode === 'iterative' ? ev.dns.addresses.map((a) => a.address) : null;
}

export default defineCheck({
  id: 'http.https-rr',
  area: 'http',
  title: 'HTTPS DNS record (RFC 9460)',
  cite: ['RFC 9460 §9', 'RFC 9460 §7', 'RFC 9460 §2.4.2', 'RFC 9460 §2.5.1', 'RFC 9460 §3', 'RFC 4035 §5.5'],
  // The ALPN comparison reads TLS evidence when the scan has it; it does not make an http-only scan run the TLS probes.
  needs: ['http'],
  outcomes: {
    present: { text: 'HTTPS record: {summary} (DNSSEC: {dnssec}); browsers that read it go straight to https://' },
    alias: { text: 'HTTPS record aliases the service to {target} (DNSSEC: {dnssec}){end}' },
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
      text: 'the HTTPS record hints at {hints}, which are not the addresses of {name}',
      fix: 'Keep ipv4hint and ipv6hint equal to the A and AAAA records, or remove them: stale hints send first connections to the wrong server.',
    },
    'alias-loop': { text: 'the HTTPS alias chain {chain} loops, so clients find no ServiceMode record', fix: FIX_ALIAS },
    'alias-too-long': { text: 'the HTTPS alias chain {chain} still aliases after {hops} names, where clients give up', fix: FIX_ALIAS },
    'alias-unavailable': {
      text: 'the HTTPS alias chain {chain} ends in ".", which says the service is not available',
      fix: 'Remove the AliasMode record with target "." from a name that serves HTTPS, or point it at the name that serves it.',
    },
    bogus: {
      text: 'the HTTPS record answer for {name} fails DNSSEC validation',
      fix: 'Repair DNSSEC for {name} so its HTTPS RRset (or the proof that there is none) validates: validating resolvers answer SERVFAIL instead, and clients may then refuse to connect.',
    },
    // One fault, one failure: when the host's own addresses are bogus too, dnssec.chain reports it.
    'bogus-zone': { text: 'the HTTPS record answer for {name} is bogus along with the host\'s addresses (see dnssec.chain)' },
  },
  applies: (ev) => ev.attempts['http.https-rr']?.status === 'ok' && ev.http?.httpsRR !== undefined,
  run: (ev, ctx) => {
    const { httpsRR: records, httpsRRAlias: alias } = ev.http!;
    const own = `${httpsRrName(ctx.target.host, ctx.target.port)}.`;
    const ownStatus: DnssecStatus | undefined = ev.http!.httpsRRDnssec ?? records![0]?.dnssec;
    const bogusAt = ownStatus === 'bogus' ? own : alias?.end === 'bogus' ? alias.hops.at(-1)!.name : null;
    if (bogusAt !== null) return [ctx.emit(ev.dnssec?.status === 'bogus' ? 'bogus-zone' : 'bogus', { name: bogusAt })];
    if (records!.length === 0) return [ctx.emit('absent')];
    const out = [...records!, ...(alias?.hops.flatMap((h) => h.records) ?? [])].flatMap((r) => {
      if (r.malformed !== undefined) return [ctx.emit('invalid', { problem: r.malformed })];
      return r.problems.map((problem) => ctx.emit('invalid', { problem }));
    });
    // The chain is as secure as its weakest link.
    const dnssec = [ownStatus, ...(alias?.hops.map((h) => h.dnssec) ?? [])].find((s) => s !== 'secure') ?? 'secure';
    const first = aliasRecord(records!);
    if (first && alias?.end !== 'service') {
      if (alias === undefined) return [...out, ctx.emit('alias', { target: first.target!, dnssec, end: '' })];
      const chain = chainText(own, records!, alias);
      if (alias.end === 'no-records') return [...out, ctx.emit('alias', { target: chain, dnssec, end: ', where there is no ServiceMode record' })];
      return [...out, ctx.emit(`alias-${alias.end}` as 'alias-loop' | 'alias-too-long' | 'alias-unavailable', { chain, hops: alias.hops.length })];
    }
    const via = first && alias ? chainText(own, records!, alias) : '';
    const scanned = ev.endpoints.map((ep) => ep.address);
    for (const r of serviceRecords(records!, alias)) {
      out.push(ctx.emit('present', { summary: summary(r, via), dnssec }));
      if (!reachesScannedServers(r, ctx.target.host, scanned, alias)) continue;
      if (r.portAnswers === false) out.push(ctx.emit('port-unreachable', { port: r.params!.port! }));
      const atAlias = serviceEndpoint(r, ctx.target.host, alias) === 'alias-target';
      const addresses = atAlias ? (alias!.addresses ?? null) : hostAddresses(ev);
      const stray = [...strayHints(addresses, r.params!.ipv4hint, 4), ...strayHints(addresses, r.params!.ipv6hint, 6)];
      if (stray.length > 0) out.push(ctx.emit('hint-mismatch', { hints: stray.join(', '), name: atAlias ? r.name : ctx.target.host }));
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
