import { weaknessCheck } from '../../src/evidence/tls-weakness-check.js';

export default weaknessCheck({
  id: 'tls.robot',
  vulnerability: 'robot',
  title: 'ROBOT (Bleichenbacher padding oracle)',
  cite: ['CVE-2017-13099', 'https://robotattack.org/', 'RFC 5246 §7.4.7.1'],
  ok: 'RSA key exchange answers well- and badly-padded premaster secrets alike',
  vulnerable: 'ROBOT: RSA key exchange answers differently by PKCS#1 padding, an oracle that decrypts recorded sessions and forges signatures with the server key',
  fix: 'Disable RSA key exchange suites (TLS_RSA_WITH_*; OpenSSL cipher string !kRSA) and update the TLS stack.',
});
