import { defineCheck } from '../../src/evidence/check.js';

const PUBLISH =
  'Publish https://<host>/.well-known/security.txt (text/plain; charset=utf-8) with at least one Contact: line and one Expires: date less than a year ahead; sign it with OpenPGP if you can.';

export default defineCheck({
  id: 'http.security-txt',
  area: 'http',
  title: 'security.txt',
  cite: ['RFC 9116 §2.5', 'RFC 9116 §3'],
  needs: ['http'],
  outcomes: {
    ok: { text: 'security.txt lists {contacts} contact(s), expires {expires}{signed}' },
    missing: { text: 'no security.txt (status {status})', fix: PUBLISH },
    invalid: { text: 'security.txt has defects: {errors}', fix: PUBLISH },
    expired: { text: 'security.txt expired on {expires}', fix: 'Update the Expires: field (and the contacts) of security.txt; an expired file should be treated as stale.' },
  },
  applies: (ev) => ev.http?.securityTxt !== undefined && ev.http.securityTxt.status !== null,
  run: ({ http }, ctx) => {
    const s = http!.securityTxt!;
    if (s.status !== 200) return [ctx.emit('missing', { status: s.status ?? 'none' })];
    if (s.errors.length > 0) return [ctx.emit('invalid', { errors: s.errors.join(', ') })];
    const expires = s.fields.expires!;
    if (Date.parse(expires) < ctx.now.getTime()) return [ctx.emit('expired', { expires })];
    return [ctx.emit('ok', { contacts: s.fields.contact.length, expires, signed: s.signed ? ', signed' : '' })];
  },
});
