import { defineCheck } from '../../src/evidence/check.js';
import type { HttpsRecord } from '../../src/evidence/http.js';
import { httpVerdict } from '../../src/http/redirect-verdict.js';

const REDIRECT_FIX =
  'Redirect every plain-HTTP request to https:// on the same host first (nginx: return 301 https://$host$request_uri;), then to any other host.';

/** RFC 9460 §9.5: a client that finds a usable HTTPS record upgrades http:// to https:// before any request. */
function upgradeNote(records: readonly HttpsRecord[] | undefined): string {
  return records?.some((r) => r.priority !== null) ? '; browsers that read the HTTPS DNS record upgrade to https:// anyway, other clients do not' : '';
}

export default defineCheck({
  id: 'http.redirect',
  area: 'http',
  title: 'Plain HTTP redirects to HTTPS',
  cite: ['RFC 6797 §7.2', 'https://hstspreload.org/#submission-requirements', 'RFC 9460 §9.5'],
  needs: ['http'],
  outcomes: {
    'to-https': { text: 'http:// redirects to https:// on the same host' },
    'to-https-other-host': { text: 'http:// redirects to {location}, another host, before HTTPS on this host', fix: REDIRECT_FIX },
    'to-https-later': { text: 'http:// reaches HTTPS only after {hops} plain-HTTP redirects', fix: REDIRECT_FIX },
    'serves-http': {
      text: 'http:// serves content without redirecting to HTTPS (status {status} at {url}){upgrade}',
      fix: REDIRECT_FIX,
    },
    'no-http-listener': { text: 'nothing listens for plain HTTP ({error})' },
    loop: { text: 'the redirects from http:// loop back to {url}', fix: REDIRECT_FIX },
    'too-many-redirects': { text: 'http:// needs more than {hops} redirects', fix: REDIRECT_FIX },
  },
  applies: (ev) => (ev.http?.redirects.http.length ?? 0) > 0,
  run: ({ http }, ctx) => {
    const verdict = httpVerdict(http!.redirects.http);
    if (verdict === null) return [];
    const { outcome, ...params } = verdict;
    return [ctx.emit(outcome, outcome === 'serves-http' ? { ...params, upgrade: upgradeNote(http!.httpsRR) } : params)];
  },
});
