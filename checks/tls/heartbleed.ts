import { weaknessCheck } from '../../src/evidence/tls-weakness-check.js';

export default weaknessCheck({
  id: 'tls.heartbleed',
  vulnerability: 'heartbleed',
  title: 'Heartbleed',
  cite: ['CVE-2014-0160', 'RFC 6520 §4'],
  ok: 'no Heartbleed: the heartbeat request that claimed more than it carried got no over-long answer',
  vulnerable: 'Heartbleed (CVE-2014-0160): the server answers heartbeats with its own memory, keys included',
  fix: 'Upgrade OpenSSL (1.0.1g or later), then replace the private key and certificate and revoke the old one.',
});
