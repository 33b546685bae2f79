import { NSEC3_MAX_ITERATIONS } from '../../src/dnssec/denial.js';
import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'dnssec.nsec3-parameters',
  area: 'dnssec',
  title: 'NSEC3 parameters',
  cite: ['RFC 9276 §3.1', 'RFC 9276 §3.2'],
  needs: ['dnssec'],
  outcomes: {
    ok: { text: '{zone} denies with NSEC3 without extra iterations or salt' },
    'not-recommended': {
      text: '{zone} denies with NSEC3 using {iterations} extra iterations and a {saltOctets}-octet salt, which cost validators work and protect nothing',
      fix: 'Re-sign {zone} with NSEC3 iterations 0 and an empty salt (for example "dnssec-signzone -3 - -H 0" or NSEC3PARAM 1 0 0 -).',
    },
    'too-many-iterations': {
      text: "{zone}'s {iterations} NSEC3 iterations exceed the {limit} validators accept, so its denials of existence count as insecure",
      fix: 'Re-sign {zone} with NSEC3 iterations 0 and an empty salt; validators treat proofs above {limit} iterations as insecure (RFC 9276 §3.2).',
    },
  },
  applies: (ev) => ev.dnssec !== undefined && ev.dnssec.chain.some((z) => z.nsec3 !== undefined),
  run: ({ dnssec }, ctx) =>
    dnssec!.chain.flatMap((z) => {
      if (!z.nsec3) return [];
      const { iterations, salt } = z.nsec3;
      if (iterations > NSEC3_MAX_ITERATIONS) return [ctx.emit('too-many-iterations', { zone: z.zone, iterations, limit: NSEC3_MAX_ITERATIONS })];
      if (iterations > 0 || salt !== '') return [ctx.emit('not-recommended', { zone: z.zone, iterations, saltOctets: salt.length / 2 })];
      return [ctx.emit('ok', { zone: z.zone })];
    }),
});
