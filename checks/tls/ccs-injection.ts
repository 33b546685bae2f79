import { weaknessCheck } from '../../src/evidence/tls-weakness-check.js';

export default weaknessCheck({
  id: 'tls.ccs-injection',
  vulnerability: 'ccs-injection',
  title: 'ChangeCipherSpec injection',
  cite: ['CVE-2014-0224'],
  ok: 'an early ChangeCipherSpec is refused',
  vulnerable: 'the server accepts a ChangeCipherSpec before the key exchange (CVE-2014-0224), so a man in the middle can force weak keys',
  fix: 'Upgrade OpenSSL (0.9.8za, 1.0.0m, 1.0.1h or later).',
});
