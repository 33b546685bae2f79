import { algorithmPolicy } from '../../src/dnssec/algorithms.js';
import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'dnssec.algorithm',
  area: 'dnssec',
  title: 'DNSSEC signing algorithms',
  cite: ['RFC 9904 §3', 'RFC 9905 §2'],
  needs: ['dnssec'],
  outcomes: {
    ok: { text: 'the zones on the chain sign with {algorithms}' },
    deprecated: {
      text: '{zone} signs with {mnemonic} (algorithm {algorithm}), which must no longer be used for signing',
      fix: 'Roll {zone} to ECDSA P-256 (13) or Ed25519 (15): publish keys of the new algorithm, sign with both, then replace the DS at the parent and drop the old keys (RFC 6781 §4.1.4).',
    },
  },
  applies: (ev) => ev.dnssec !== undefined && ev.dnssec.chain.some((z) => z.dnskeys.length > 0),
  run: ({ dnssec }, ctx) => {
    const zones = dnssec!.chain.filter((z) => z.dnskeys.length > 0);
    const out = zones.flatMap((z) =>
      [...new Set(z.dnskeys.map((k) => k.algorithm))]
        .map((n) => algorithmPolicy(n))
        .filter((p) => p.useSigning === 'MUST NOT')
        .map((p) => ctx.emit('deprecated', { zone: z.zone, mnemonic: p.mnemonic, algorithm: p.number })),
    );
    if (out.length > 0) return out;
    const all = [...new Set(zones.flatMap((z) => z.dnskeys.map((k) => k.algorithm)))].sort((a, b) => a - b);
    return [ctx.emit('ok', { algorithms: all.map((n) => `${algorithmPolicy(n).mnemonic} (${n})`).join(', ') })];
  },
});
