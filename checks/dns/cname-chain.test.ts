import check from './cname-chain.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';

const base = { mode: 'iterative' as const, name: 'www.site.example', rcode: { A: 'NOERROR' }, addresses: [], queries: [] };

checkCases(check, [
  ['alias', evidence({ dns: { ...base, cnames: [{ name: 'www.site.example', target: 'site.example' }] } }), ['followed']],
  ['no alias', evidence({ dns: { ...base, cnames: [] } }), []],
]);
