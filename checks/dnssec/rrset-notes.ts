import { defineCheck } from '../../src/evidence/check.js';

/** The validator's note codes (src/dnssec/reasons.ts) this check speaks for, and the outcome of each. */
const OUTCOMES = {
  MISSING_RRSIG_FOR_ALG_DS: 'missing-algorithm',
  TTL_ABOVE_ORIGINAL: 'ttl-above-original',
  TTL_BEYOND_EXPIRATION: 'ttl-beyond-expiration',
} as const;

export default defineCheck({
  id: 'dnssec.rrset-notes',
  area: 'dnssec',
  title: 'DNSSEC remarks on validated RRsets',
  cite: ['RFC 4035 §2.2', 'RFC 4035 §5.3.3', 'RFC 6781 §4.1.4'],
  needs: ['dnssec'],
  outcomes: {
    'missing-algorithm': {
      text: '{message}: it validates, but resolvers that require every algorithm of the DS RRset to sign it call {name} {type} bogus',
      fix: 'Sign every RRset with every algorithm the DS RRset lists: finish the algorithm rollover (sign with the new algorithm before its DS is published), or roll it back by withdrawing the DS of the algorithm not in use (RFC 6781 §4.1.4).',
    },
    'ttl-above-original': {
      text: '{message}; validators cut the TTL down to the original TTL',
      fix: 'Serve {name} {type} with a TTL no higher than the original TTL of its RRSIG (re-sign after raising the TTL).',
    },
    'ttl-beyond-expiration': {
      text: '{message}; validators cut the TTL down to the time the signature has left',
      fix: 'Sign with signature validity periods well beyond the TTL of the records, and re-sign before the time left drops below it.',
    },
  },
  applies: (ev) => ev.dnssec !== undefined,
  run: ({ dnssec }, ctx) =>
    dnssec!.rrsets.flatMap((r) =>
      (r.notes ?? []).flatMap((n) => {
        const outcome = OUTCOMES[n.code as keyof typeof OUTCOMES];
        return outcome ? [ctx.emit(outcome, { name: r.name, type: r.type, message: n.message, code: n.code })] : [];
      }),
    ),
});
