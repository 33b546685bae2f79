import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'mail.tls-rpt',
  area: 'mail',
  title: 'SMTP TLS reporting',
  cite: ['RFC 8460 §3'],
  needs: ['http'],
  outcomes: {
    ok: { text: 'TLS-RPT reports go to {rua}' },
    missing: {
      text: 'no TLS-RPT record: you will not hear about failed TLS deliveries',
      fix: 'Publish _smtp._tls.<domain> TXT "v=TLSRPTv1; rua=mailto:tlsrpt@<domain>".',
    },
    invalid: { text: 'the TLS-RPT record is invalid ({errors})', fix: 'Publish exactly one "v=TLSRPTv1; rua=mailto:…" record; rua takes mailto: or https: URIs.' },
  },
  applies: (ev) => ev.http?.tlsRpt !== undefined && (ev.mx?.records.length ?? 0) > 0 && !ev.mx!.nullMx,
  run: ({ http }, ctx) => {
    const r = http!.tlsRpt!;
    if (r.valid) return [ctx.emit('ok', { rua: r.rua.join(', ') })];
    return [r.errors.includes('no-record') ? ctx.emit('missing') : ctx.emit('invalid', { errors: r.errors.join(', ') })];
  },
});
