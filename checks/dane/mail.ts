import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'dane.mail',
  area: 'dane',
  title: 'DANE TLSA records for each MX (SMTP)',
  cite: ['RFC 7672 §2.2', 'RFC 7672 §3.1', 'RFC 7671 §5'],
  needs: ['dane'],
  outcomes: {
    valid: { text: '{name}: {reason}' },
    invalid: {
      text: '{name}: no usable TLSA record matches what {mx} presents ({reason}); DANE senders will not deliver to it',
      fix: 'Publish "{name} IN TLSA 3 1 1 {spki}" for the key {mx} presents now, or serve the key your records name.',
    },
    none: { text: '{name}: no TLSA records, so DANE is not deployed for {mx}' },
    unusable: {
      text: '{name}: TLSA records are published but none is usable for SMTP ({reason}), so senders act as if there were none',
      fix: 'Replace them with "{name} IN TLSA 3 1 1 {spki}" (DANE-EE) or "2 1 1" for the issuing CA; SMTP ignores usages 0 and 1.',
    },
    insecure: { text: '{name}: the MX or TLSA answer is not DNSSEC-signed, so senders do not use DANE for {mx}' },
    bogus: {
      text: '{name}: the MX or TLSA answer fails DNSSEC validation',
      fix: 'Repair DNSSEC for {name} and the MX RRset (see the dnssec findings); DANE senders defer mail while it is bogus.',
    },
  },
  applies: (ev) => (ev.dane?.mail.length ?? 0) > 0,
  run: (ev, ctx) =>
    ev.dane!.mail.map((mx) => {
      const name = mx.tlsaName ?? `_25._tcp.${mx.mx}.`;
      const leaf = mx.endpoints.find((e) => e.certificates[0])?.certificates[0]?.spkiSha256 ?? '<SHA-256 of the SPKI>';
      if (mx.verdict === 'none' && mx.records.length > 0) return ctx.emit('unusable', { name, mx: mx.mx, spki: leaf, reason: mx.records[0]!.reason }, mx.mx);
      if (mx.verdict !== 'valid' && mx.verdict !== 'invalid') return ctx.emit(mx.verdict, { name, mx: mx.mx }, mx.mx);
      const deciding = mx.records.find((r) => r.usable && r.status !== 'no-match') ?? mx.records.find((r) => r.usable);
      const reason = deciding?.reason ?? 'no usable record';
      if (mx.verdict === 'valid') return ctx.emit('valid', { name, reason }, mx.mx);
      return ctx.emit('invalid', { name, mx: mx.mx, reason, spki: leaf }, mx.mx);
    }),
});
