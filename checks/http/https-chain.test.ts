import check from './https-chain.js';
import { checkCases, evidence, hop } from '../../test/support/check-kit.js';

const chain = (...hops: ReturnType<typeof hop>[]) => evidence({ http: { redirects: { http: [], https: hops }, hsts: null } });
const moved = (from: string, to: string, extra = {}) => hop(from, 302, { location: to, ...extra });

checkCases(check, [
  ['direct answer', chain(hop('https://site.example/', 200)), ['ok']],
  ['to www', chain(moved('https://site.example/', 'https://www.site.example/'), hop('https://www.site.example/', 200)), ['ok']],
  ['downgrade', chain(moved('https://site.example/', 'http://site.example/x'), hop('http://site.example/x', 200)), ['downgrade']],
  ['loop', chain(moved('https://site.example/', 'https://site.example/a'), moved('https://site.example/a', '/', { error: 'ENCSCAN_HTTP_REDIRECT_LOOP' })), ['loop']],
  ['too many', chain(...Array.from({ length: 20 }, (_, i) => moved(`https://site.example/${i}`, `/${i + 1}`, i === 19 ? { error: 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS' } : {}))), ['too-many-redirects']],
  ['no answer: not applicable', chain(hop('https://site.example/', null, { error: 'ENCSCAN_CONNECT_REFUSED' })), []],
  ['timeout mid-chain', chain(moved('https://site.example/', 'https://cdn.example/'), hop('https://cdn.example/', null, { error: 'ENCSCAN_TIMEOUT' })), []],
]);
