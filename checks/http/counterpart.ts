import { defineCheck } from '../../src/evidence/check.js';
import { isInconclusive } from '../../src/evidence/inconclusive.js';
import { httpVerdict } from '../../src/http/redirect-verdict.js';

export default defineCheck({
  id: 'http.counterpart',
  area: 'http',
  title: 'www / apex counterpart on HTTPS',
  cite: ['https://hstspreload.org/#submission-requirements', 'RFC 6797 §7.2'],
  needs: ['http'],
  outcomes: {
    ok: { text: '{name} answers over HTTPS and its http:// redirects to HTTPS' },
    'no-https': {
      text: '{name} exists but does not answer over HTTPS ({error})',
      fix: 'Serve {name} over HTTPS with a valid certificate, or remove its DNS records: users type both names.',
    },
    'serves-http': {
      text: '{name} serves http:// without redirecting to HTTPS',
      fix: 'Redirect http://{name}/ to https:// (on {name} first, then wherever it belongs).',
    },
  },
  // A counterpart without an address is the common case and no concern of anyone's.
  applies: (ev) => (ev.http?.counterpart?.address ?? null) !== null,
  run: ({ http }, ctx) => {
    const c = http!.counterpart!;
    const out = [];
    const first = c.redirects.https[0];
    if (first?.status === null && !isInconclusive(first.error)) out.push(ctx.emit('no-https', { name: c.name, error: first.error ?? 'no response' }));
    const verdict = httpVerdict(c.redirects.http);
    if (verdict?.outcome === 'serves-http') out.push(ctx.emit('serves-http', { name: c.name }));
    if (out.length === 0 && first?.status != null) out.push(ctx.emit('ok', { name: c.name }));
    return out;
  },
});
