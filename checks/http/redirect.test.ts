import check from './redirect.js';
import { checkCases, evidence, hop } from '../../test/support/check-kit.js';

const chain = (...hops: ReturnType<typeof hop>[]) => evidence({ http: { redirects: { http: hops, https: [] }, hsts: null } });
const moved = (from: string, to: string) => hop(from, 301, { location: to });

checkCases(check, [
  ['same host', chain(moved('http://site.example/', 'https://site.example/'), hop('https://site.example/', 200)), ['to-https']],
  ['other host', chain(moved('http://site.example/', 'https://www.site.example/'), hop('https://www.site.example/', 200)), ['to-https-other-host']],
  [
    'http hop first',
    chain(moved('http://site.example/', 'http://www.site.example/'), moved('http://www.site.example/', 'https://www.site.example/'), hop('https://www.site.example/', 200)),
    ['to-https-later'],
  ],
  ['content over http', chain(hop('http://site.example/', 200)), ['serves-http']],
  ['refused', chain(hop('http://site.example/', null, { error: 'ENCSCAN_CONNECT_REFUSED' })), ['no-http-listener']],
  ['loop on http', chain(moved('http://site.example/', 'http://site.example/a'), hop('http://site.example/a', 301, { location: '/', error: 'ENCSCAN_HTTP_REDIRECT_LOOP' })), ['loop']],
  [
    'endless http chain',
    chain(...Array.from({ length: 20 }, (_, i) => hop(`http://site.example/${i}`, 301, { location: `/${i + 1}`, ...(i === 19 ? { error: 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS' } : {}) }))),
    ['too-many-redirects'],
  ],
  ['timeout is not a verdict', chain(hop('http://site.example/', null, { error: 'ENCSCAN_TIMEOUT' })), []],
]);
