import check from './preload.js';
import { checkCases, endpoint, evidence, hop, pki } from '../../test/support/check-kit.js';
import { parseHsts } from '../../src/http/hsts.js';

const PRELOAD = 'max-age=63072000; includeSubDomains; preload';

function site(sts: string, opts: { trusted?: boolean; redirect?: string } = {}) {
  const first = hop('http://site.example/', 301, { location: opts.redirect ?? 'https://site.example/' });
  const https = hop('https://site.example/', 200, { sts: [sts] });
  return evidence({
    endpoints: [endpoint({ pki: pki({ trusted: opts.trusted ?? true }), http: { https } })],
    http: { redirects: { http: [first, https], https: [https] }, hsts: parseHsts([sts]) },
  });
}

/** The www counterpart: answering over HTTPS (error null) or failing with `error`. */
function withWww(ev: ReturnType<typeof site>, error: string | null) {
  const first = error === null ? hop('https://www.site.example/', 200) : hop('https://www.site.example/', null, { error });
  ev.http!.counterpart = { name: 'www.site.example', address: '192.0.2.2', redirects: { http: [], https: [first] }, hsts: null };
  return ev;
}

checkCases(check, [
  ['eligible', site(PRELOAD), ['eligible']],
  ['no preload token', site('max-age=63072000; includeSubDomains'), ['not-requested']],
  ['preload without includeSubDomains', site('max-age=63072000; preload'), ['ineligible']],
  ['preload on an untrusted certificate', site(PRELOAD, { trusted: false }), ['ineligible']],
  ['preload but http goes to www first', site(PRELOAD, { redirect: 'https://www.site.example/' }), ['ineligible']],
  ['preload, but www exists without HTTPS', withWww(site(PRELOAD), 'ENCSCAN_CONNECT_REFUSED'), ['ineligible']],
  ['preload, www on HTTPS', withWww(site(PRELOAD), null), ['eligible']],
  ['no header: not applicable', evidence({ http: { redirects: { http: [], https: [] }, hsts: parseHsts([]) } }), []],
]);
