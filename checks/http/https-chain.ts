import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'http.https-chain',
  area: 'http',
  title: 'HTTPS stays on HTTPS',
  cite: ['RFC 6797 §7.2', 'https://hstspreload.org/#submission-requirements'],
  needs: ['http'],
  outcomes: {
    ok: { text: 'https:// answers over HTTPS after {redirects} redirect(s)' },
    downgrade: {
      text: 'https:// redirects to plain HTTP at {url}',
      fix: 'Never redirect from https:// to http://: make every Location on the HTTPS site an https:// URL.',
    },
    loop: { text: 'the redirects from https:// loop back to {url}', fix: 'Fix the redirect rules so that the chain ends on a page.' },
    'too-many-redirects': {
      text: 'https:// needs more than {hops} redirects',
      fix: 'Collapse the redirect chain to at most a few hops; every hop costs users a round trip.',
    },
  },
  applies: (ev) => (ev.http?.redirects.https.length ?? 0) > 0 && ev.http!.redirects.https[0]!.status !== null,
  run: ({ http }, ctx) => {
    const hops = http!.redirects.https;
    const plain = hops.find((h) => h.url.startsWith('http:'));
    if (plain) return [ctx.emit('downgrade', { url: plain.url })];
    const last = hops[hops.length - 1]!;
    if (last.error === 'ENCSCAN_HTTP_REDIRECT_LOOP') return [ctx.emit('loop', { url: last.location ?? last.url })];
    if (last.error === 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS') return [ctx.emit('too-many-redirects', { hops: hops.length })];
    if (last.status === null) return [];
    return [ctx.emit('ok', { redirects: hops.length - 1 })];
  },
});
