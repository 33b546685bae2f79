import { defineCheck } from '../../src/evidence/check.js';
import { weaknessResults } from '../../src/evidence/tls-weakness-check.js';

/** Below this many bits the group is in reach of academic computation (Logjam §3 broke 512, §4 estimates 768 and 1024). */
const BROKEN_BELOW = 1024;
/** RFC 9325 §4.1 asks for 2048 bits at least. */
const WEAK_BELOW = 2048;

export default defineCheck({
  id: 'tls.dh-group',
  area: 'tls',
  title: 'Diffie-Hellman group of DHE suites (Logjam)',
  cite: ['CVE-2015-4000', 'RFC 9325 §4.1', 'RFC 7919', 'https://weakdh.org/'],
  needs: ['tls'],
  outcomes: {
    ok: { text: 'DHE uses a {bits}-bit group ({detail})' },
    weak: { text: 'DHE uses a {bits}-bit group, below 2048 bits ({detail})', fix: 'Use a 2048-bit or larger group (RFC 7919 ffdhe2048; nginx: ssl_dhparam with a 2048-bit file), or drop DHE for ECDHE.' },
    'common-prime': {
      text: 'DHE uses a widely shared {bits}-bit prime ({detail}): one precomputation breaks every server using it (Logjam)',
      fix: 'Use a 2048-bit or larger group (RFC 7919 ffdhe2048), or drop DHE suites for ECDHE.',
    },
    broken: { text: 'DHE uses a {bits}-bit group, which can be broken ({detail})', fix: 'Use a 2048-bit or larger group (RFC 7919 ffdhe2048), or drop DHE suites for ECDHE.' },
    unknown: { text: 'the DH group could not be read ({detail})' },
  },
  applies: (ev) => weaknessResults(ev, 'dh-group').length > 0,
  run: (ev, ctx) =>
    weaknessResults(ev, 'dh-group').map(({ at, v }) => {
      const bits = v.groupBits;
      if (bits === undefined) return ctx.emit('unknown', { detail: v.detail }, at);
      const params = { bits, detail: v.detail };
      if (bits < BROKEN_BELOW) return ctx.emit('broken', params, at);
      if (bits < WEAK_BELOW) return ctx.emit(v.knownGroup ? 'common-prime' : 'weak', params, at);
      return ctx.emit('ok', params, at);
    }),
});
