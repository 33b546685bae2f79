import { weaknessCheck } from '../../src/evidence/tls-weakness-check.js';

export default weaknessCheck({
  id: 'tls.secure-renegotiation',
  vulnerability: 'secure-renegotiation',
  title: 'Secure renegotiation (RFC 5746)',
  cite: ['RFC 5746 §3.6', 'CVE-2009-3555'],
  ok: 'renegotiation_info is supported',
  vulnerable: 'no secure renegotiation (RFC 5746): a man in the middle can prefix its own data to a client session (CVE-2009-3555)',
  fix: 'Update the TLS stack to one that implements RFC 5746 (OpenSSL 0.9.8m or later).',
});
