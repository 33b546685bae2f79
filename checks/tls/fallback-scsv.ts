import { weaknessCheck } from '../../src/evidence/tls-weakness-check.js';

export default weaknessCheck({
  id: 'tls.fallback-scsv',
  vulnerability: 'fallback-scsv',
  title: 'Downgrade protection (TLS_FALLBACK_SCSV)',
  cite: ['RFC 7507 §3'],
  ok: 'a fallback hello is refused with inappropriate_fallback',
  vulnerable: 'TLS_FALLBACK_SCSV is ignored, so a man in the middle can push clients that retry to an older version',
  fix: 'Update the TLS stack to one that implements RFC 7507 (OpenSSL 1.0.1j or later), or offer a single protocol version.',
});
