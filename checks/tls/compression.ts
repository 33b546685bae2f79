import { weaknessCheck } from '../../src/evidence/tls-weakness-check.js';

export default weaknessCheck({
  id: 'tls.compression',
  vulnerability: 'compression',
  title: 'TLS compression (CRIME)',
  cite: ['CVE-2012-4929', 'RFC 9325 §3.3'],
  ok: 'no TLS compression',
  vulnerable: 'the server compresses TLS records, which CRIME (CVE-2012-4929) uses to recover cookies',
  fix: 'Disable TLS compression (OpenSSL: SSL_OP_NO_COMPRESSION; Apache: SSLCompression off).',
});
