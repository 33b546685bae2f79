import { defineCheck } from '../../src/evidence/check.js';
import { isBundledRoot } from '../../src/pki/trust-store.js';

const REISSUE =
  'Get the certificate reissued by a public CA that logs it (every ACME CA does, Let\'s Encrypt among them), or have the server deliver SCTs in the TLS extension.';

export default defineCheck({
  id: 'certificate.transparency',
  area: 'certificate',
  title: 'Certificate Transparency (SCTs)',
  cite: ['RFC 6962 §3.3', 'https://googlechrome.github.io/CertificateTransparency/ct_policy.html', 'https://support.apple.com/en-us/103214'],
  needs: ['tls'],
  outcomes: {
    logged: { text: '{count} SCTs from {logs} logs ({sources})' },
    'too-few': { text: 'only {count} SCT(s) from {logs} log(s): Chrome and Safari want SCTs from at least two distinct logs', fix: REISSUE },
    none: { text: 'no SCTs (embedded, stapled or in the TLS extension): Chrome and Safari refuse publicly-trusted certificates without them', fix: REISSUE },
    'private-root': { text: 'the chain ends at a root outside the public web PKI, where Certificate Transparency is not required' },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const p = ep.pki;
      // Transparency only matters once the chain is trusted; scts is absent in reports made before it was recorded.
      if (!p || !p.trusted || p.scts === undefined) return [];
      const anchor = p.path[p.path.length - 1];
      if (anchor === undefined || !isBundledRoot(anchor)) return [ctx.emit('private-root', {}, ep)];
      const list = p.sctList ?? [];
      const logs = new Set(list.map((s) => s.logId)).size;
      if (list.length === 0) return [ctx.emit('none', {}, ep)];
      const sources = [...new Set(list.map((s) => s.source))].join(', ');
      // Chrome's policy: two distinct logs at least (more for long-lived embedded SCTs); Apple's likewise.
      return [ctx.emit(logs >= 2 ? 'logged' : 'too-few', { count: list.length, logs, sources }, ep)];
    }),
});
