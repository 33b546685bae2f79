import { defineCheck } from '../../src/evidence/check.js';
import { endpointLabel } from '../../src/evidence/endpoint-label.js';

const SSL = ['SSLv2', 'SSLv3'];
const LEGACY = ['TLSv1.0', 'TLSv1.1'];

export default defineCheck({
  id: 'mail.starttls-protocols',
  area: 'mail',
  title: 'Protocol versions an MX accepts after STARTTLS',
  cite: ['RFC 8996 §1', 'RFC 7568 §4', 'RFC 6176 §2', 'RFC 7672 §3'],
  needs: ['dane'],
  outcomes: {
    modern: { text: '{mx} ({at}) accepts only {versions} after STARTTLS' },
    legacy: {
      text: '{mx} ({at}) still accepts {old} after STARTTLS',
      fix: 'Disable TLS 1.0 and 1.1 on {mx} (in Postfix: smtpd_tls_protocols = >=TLSv1.2); senders of today all speak TLS 1.2.',
    },
    ssl: {
      text: '{mx} ({at}) accepts {old} after STARTTLS, which a network attacker can break',
      fix: 'Disable SSLv2 and SSLv3 on {mx} (in Postfix: smtpd_tls_protocols = >=TLSv1.2).',
    },
  },
  applies: (ev) => (ev.dane?.mail ?? []).some((mx) => mx.endpoints.some((ep) => ep.enumeration !== undefined)),
  run: (ev, ctx) =>
    ev.dane!.mail.flatMap((mx) =>
      mx.endpoints.flatMap((ep) => {
        if (!ep.enumeration) return [];
        const versions = ep.enumeration.protocols.filter((p) => p.supported).map((p) => p.version);
        const at = endpointLabel(ep.address, ep.port);
        const ssl = versions.filter((v) => SSL.includes(v));
        const legacy = versions.filter((v) => LEGACY.includes(v));
        if (ssl.length > 0) return [ctx.emit('ssl', { mx: mx.mx, at, old: ssl.join(', ') }, at)];
        if (legacy.length > 0) return [ctx.emit('legacy', { mx: mx.mx, at, old: legacy.join(', ') }, at)];
        return [ctx.emit('modern', { mx: mx.mx, at, versions: versions.join(', ') || 'nothing' }, at)];
      }),
    ),
});
