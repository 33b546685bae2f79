import check from './counterpart.js';
import type { CounterpartHttp } from '../../src/evidence/http.js';
import { checkCases, evidence, hop } from '../../test/support/check-kit.js';

const W = 'http://www.site.example/';
const WS = 'https://www.site.example/';

function ev(counterpart: CounterpartHttp | undefined) {
  return evidence({ http: { redirects: { http: [], https: [] }, hsts: null, ...(counterpart ? { counterpart } : {}) } });
}

function www(http: ReturnType<typeof hop>[], https: ReturnType<typeof hop>[]): CounterpartHttp {
  return { name: 'www.site.example', address: '192.0.2.2', redirects: { http, https }, hsts: null };
}

checkCases(check, [
  ['redirects and answers', ev(www([hop(W, 301, { location: WS }), hop(WS, 200)], [hop(WS, 200)])), ['ok']],
  ['no address: not applicable', ev({ name: 'www.site.example', address: null, redirects: { http: [], https: [] }, hsts: null }), []],
  ['no HTTPS', ev(www([hop(W, 301, { location: WS }), hop(WS, null, { error: 'ENCSCAN_CONNECT_REFUSED' })], [hop(WS, null, { error: 'ENCSCAN_CONNECT_REFUSED' })])), ['no-https']],
  ['plain HTTP content', ev(www([hop(W, 200)], [hop(WS, 200)])), ['serves-http']],
  ['neither', ev(www([hop(W, 200)], [hop(WS, null, { error: 'ENCSCAN_TLS_HANDSHAKE' })])), ['no-https', 'serves-http']],
  ['timeout decides nothing', ev(www([hop(W, null, { error: 'ENCSCAN_TIMEOUT' })], [hop(WS, null, { error: 'ENCSCAN_TIMEOUT' })])), []],
  ['not probed (IP literal)', ev(undefined), []],
]);
