import { defineCheck } from '../../src/evidence/check.js';
import { isInconclusive } from '../../src/evidence/inconclusive.js';

export default defineCheck({
  id: 'tls.handshake',
  area: 'tls',
  title: 'TLS handshake',
  cite: ['RFC 8446 §4', 'RFC 5246 §7.3'],
  needs: ['tls'],
  outcomes: {
    ok: { text: '{version} with {suite}' },
    failed: {
      text: 'no TLS handshake was possible ({code}: {reason})',
      fix: 'Make sure the server listens for TLS on this port and offers TLS 1.2 or 1.3 with a certificate for this name.',
    },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const attempt = ep.attempts['tls'];
      if (attempt?.status === 'ok' && ep.tls?.negotiated) {
        const { version, cipherSuite } = ep.tls.negotiated;
        return [ctx.emit('ok', { version, suite: cipherSuite.name }, ep)];
      }
      if (attempt?.status !== 'error' || isInconclusive(attempt.code)) return [];
      return [ctx.emit('failed', { code: attempt.code ?? 'unknown', reason: attempt.detail ?? '' }, ep)];
    }),
});
