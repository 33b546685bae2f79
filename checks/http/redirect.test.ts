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
  ['timeout is not a verdict', chain(hop('http://site.example/', null, { error: 'ENCSCAN_TIMEOUT' })), []],
]);
