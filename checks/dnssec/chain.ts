import { defineCheck } from '../../src/evidence/check.js';
import type { DnssecEvidence } from '../../src/evidence/dnssec.js';

/** Each broken link once: the zones' own errors, then the record sets judged inside secure zones. */
function brokenLinks(d: DnssecEvidence): string[] {
  const zones = d.chain.filter((z) => z.status === 'bogus').flatMap((z) => z.errors.map((e) => e.message));
  const rrsets = d.rrsets.filter((r) => r.status === 'bogus' && r.message !== undefined).map((r) => r.message!);
  const all = [...new Set([...zones, ...rrsets])];
  return all.length > 0 ? all : [d.message ?? d.reason];
}

export default defineCheck({
  id: 'dnssec.chain',
  area: 'dnssec',
  title: 'DNSSEC chain of trust',
  cite: ['RFC 4033 §5', 'RFC 4035 §5'],
  needs: ['dnssec'],
  outcomes: {
    secure: { text: "{name}'s address records validate from the trust anchor down ({zones})" },
    insecure: {
      text: '{name} is not protected by DNSSEC: {message}',
      fix: 'Sign the zone (for example with ECDSA P-256, algorithm 13) and publish its DS record at the parent through your registrar.',
    },
    bogus: {
      text: '{name} fails DNSSEC validation: {message}',
      fix: 'Repair this link (re-sign the zone, refresh expired signatures, or make the DS at the parent match a published KSK); validating resolvers answer SERVFAIL until then.',
    },
  },
  applies: (ev) => ev.dnssec !== undefined,
  run: ({ dnssec }, ctx) => {
    const d = dnssec!;
    const name = ctx.target.host;
    if (d.status === 'secure') return [ctx.emit('secure', { name, zones: d.chain.map((z) => z.zone).join(' → ') })];
    if (d.status === 'insecure') return [ctx.emit('insecure', { name, message: d.message ?? d.reason, reason: d.reason })];
    if (d.status === 'bogus') return brokenLinks(d).map((message) => ctx.emit('bogus', { name, message, reason: d.reason }));
    return []; // indeterminate: the data needed for a verdict did not arrive
  },
});
