import { defineCheck } from '../../src/evidence/check.js';
import { isInconclusive } from '../../src/evidence/inconclusive.js';
import { endpointLabel } from '../../src/evidence/endpoint-label.js';

export default defineCheck({
  id: 'http.https',
  area: 'http',
  title: 'Site answers over HTTPS',
  cite: ['RFC 9110 §4.2.2', 'https://developer.mozilla.org/en-US/docs/Web/Security/Practical_implementation_guides/TLS'],
  needs: ['http'],
  outcomes: {
    ok: { text: 'HTTPS answers with status {status}' },
    'server-error': {
      text: 'HTTPS answers with server error {status}',
      fix: 'Check the web server\'s error log: the site is reachable over HTTPS but fails to serve it.',
    },
    failed: {
      text: 'no HTTPS answer ({error})',
      fix: 'Serve the site over HTTPS on port {port} with a valid certificate.',
    },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const hop = ep.http?.https;
      if (!hop) return [];
      const at = endpointLabel(ep.address, ep.port);
      if (hop.status === null) {
        return isInconclusive(hop.error) ? [] : [ctx.emit('failed', { error: hop.error ?? 'no response', port: ep.port }, at)];
      }
      return [ctx.emit(hop.status >= 500 ? 'server-error' : 'ok', { status: hop.status }, at)];
    }),
});
