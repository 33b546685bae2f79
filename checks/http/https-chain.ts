import { defineCheck } from '../../src/evidence/check.js';
import { httpsVerdict } from '../../src/http/redirect-verdict.js';

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
    const verdict = httpsVerdict(http!.redirects.https);
    if (verdict === null) return [];
    const { outcome, ...params } = verdict;
    return [ctx.emit(outcome, params)];
  },
});
