import { defineCheck } from '../../src/evidence/check.js';
import { isInconclusive } from '../../src/evidence/inconclusive.js';

const REFUSED = new Set(['ENCSCAN_CONNECT_REFUSED', 'ENCSCAN_CONNECT_FAILED']);
const REDIRECT_FIX =
  'Redirect every plain-HTTP request to https:// on the same host first (nginx: return 301 https://$host$request_uri;), then to any other host.';

function hostOf(url: string | null): string | null {
  try {
    return url === null ? null : new URL(url).hostname;
  } catch {
    return null;
  }
}

export default defineCheck({
  id: 'http.redirect',
  area: 'http',
  title: 'Plain HTTP redirects to HTTPS',
  cite: ['RFC 6797 §7.2', 'https://hstspreload.org/#submission-requirements'],
  needs: ['http'],
  outcomes: {
    'to-https': { text: 'http:// redirects to https:// on the same host' },
    'to-https-other-host': { text: 'http:// redirects to {location}, another host, before HTTPS on this host', fix: REDIRECT_FIX },
    'to-https-later': { text: 'http:// reaches HTTPS only after {hops} plain-HTTP redirects', fix: REDIRECT_FIX },
    'serves-http': {
      text: 'http:// serves content without redirecting to HTTPS (status {status} at {url})',
      fix: REDIRECT_FIX,
    },
    'no-http-listener': { text: 'nothing listens for plain HTTP ({error})' },
    loop: { text: 'the redirects from http:// loop back to {url}', fix: REDIRECT_FIX },
    'too-many-redirects': { text: 'http:// needs more than {hops} redirects', fix: REDIRECT_FIX },
  },
  applies: (ev) => (ev.http?.redirects.http.length ?? 0) > 0,
  run: ({ http }, ctx) => {
    const hops = http!.redirects.http;
    const first = hops[0]!;
    if (first.status === null) {
      if (REFUSED.has(first.error ?? '')) return [ctx.emit('no-http-listener', { error: first.error ?? '' })];
      return [];
    }
    const firstHttps = hops.findIndex((h) => h.url.startsWith('https:'));
    const last = hops[hops.length - 1]!;
    if (firstHttps < 0 && last.error === 'ENCSCAN_HTTP_REDIRECT_LOOP') return [ctx.emit('loop', { url: last.location ?? last.url })];
    if (firstHttps < 0 && last.error === 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS') return [ctx.emit('too-many-redirects', { hops: hops.length })];
    if (firstHttps === 1) {
      const same = hostOf(first.location) === hostOf(first.url);
      return [same ? ctx.emit('to-https') : ctx.emit('to-https-other-host', { location: first.location ?? '' })];
    }
    if (firstHttps > 1) return [ctx.emit('to-https-later', { hops: firstHttps })];
    if (last.status === null && isInconclusive(last.error)) return [];
    return [ctx.emit('serves-http', { status: last.status ?? 'none', url: last.url })];
  },
});
