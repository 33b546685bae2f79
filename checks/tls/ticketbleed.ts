import { weaknessCheck } from '../../src/evidence/tls-weakness-check.js';

export default weaknessCheck({
  id: 'tls.ticketbleed',
  vulnerability: 'ticketbleed',
  title: 'Ticketbleed',
  cite: ['CVE-2016-9244', 'RFC 5077 §3.4'],
  ok: 'session ticket resumption echoes the session id as sent',
  vulnerable: 'Ticketbleed (CVE-2016-9244): resuming a ticket returns 31 bytes of server memory in the session id',
  fix: 'Apply the F5 BIG-IP fix for CVE-2016-9244, or disable the Session Ticket option on the SSL profile.',
});
