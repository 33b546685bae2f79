import { defineCheck } from '../../src/evidence/check.js';
import { endpointLabel } from '../../src/evidence/endpoint-label.js';

export default defineCheck({
  id: 'mail.starttls',
  area: 'mail',
  title: 'Mail servers offer STARTTLS',
  cite: ['RFC 3207 §4', 'RFC 7672 §2.2'],
  needs: ['dane'],
  outcomes: {
    offered: { text: '{mx} ({at}) offers STARTTLS' },
    'null-mx': { text: '{domain} publishes a null MX (RFC 7505): it accepts no mail, so there is no mail transport to protect' },
    missing: {
      text: '{mx} ({at}) does not offer STARTTLS: mail to it travels in clear text',
      fix: 'Enable STARTTLS on {mx} (in Postfix: smtpd_tls_security_level = may with a certificate and key).',
    },
  },
  applies: (ev) => (ev.dane?.mail.length ?? 0) > 0 || ev.dane?.nullMx === true,
  run: (ev, ctx) =>
    ev.dane!.nullMx === true ? [ctx.emit('null-mx', { domain: ctx.target.host })] : ev.dane!.mail.flatMap((mx) =>
      mx.endpoints
        // Endpoints whose conversation failed before EHLO answered say nothing about STARTTLS.
        .filter((ep) => ep.starttls || ep.error?.code === 'ENCSCAN_SMTP_NO_STARTTLS')
        .map((ep) => {
          const at = endpointLabel(ep.address, ep.port);
          return ctx.emit(ep.starttls ? 'offered' : 'missing', { mx: mx.mx, at }, at);
        }),
    ),
});
