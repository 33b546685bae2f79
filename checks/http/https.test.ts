import check from './https.js';
import { checkCases, endpoint, evidence, hop } from '../../test/support/check-kit.js';

const at = (h: ReturnType<typeof hop>) => evidence({ endpoints: [endpoint({ http: { https: h } })] });

checkCases(check, [
  ['200', at(hop('https://site.example/', 200)), ['ok']],
  ['301 is an answer', at(hop('https://site.example/', 301)), ['ok']],
  ['503', at(hop('https://site.example/', 503)), ['server-error']],
  ['refused', at(hop('https://site.example/', null, { error: 'ENCSCAN_CONNECT_REFUSED' })), ['failed']],
  ['timeout is not a verdict', at(hop('https://site.example/', null, { error: 'ENCSCAN_TIMEOUT' })), []],
]);
