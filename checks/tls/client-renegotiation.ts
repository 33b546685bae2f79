import { weaknessCheck } from '../../src/evidence/tls-weakness-check.js';

export default weaknessCheck({
  id: 'tls.client-renegotiation',
  vulnerability: 'client-renegotiation',
  title: 'Client-initiated renegotiation',
  cite: ['RFC 5746 §4.4', 'https://www.thc.org/thc-ssl-dos/'],
  ok: 'client-initiated renegotiation is refused',
  vulnerable: 'clients may start renegotiations, each a full handshake the server pays for (a denial-of-service lever)',
  fix: 'Refuse client-initiated renegotiation (OpenSSL: SSL_OP_NO_RENEGOTIATION; nginx refuses it already), or limit its rate.',
});
