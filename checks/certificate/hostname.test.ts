import check from './hostname.js';
import { checkCases, endpoint, evidence, leaf, pki } from '../../test/support/check-kit.js';

const cert = leaf({ notBefore: -1, notAfter: 90 });

checkCases(check, [
  ['match', evidence({ endpoints: [endpoint({ certificates: [cert], pki: pki() })] }), ['match']],
  ['mismatch', evidence({ endpoints: [endpoint({ certificates: [cert], pki: pki({ hostnameMatch: false }) })] }), ['mismatch']],
  ['no chain', evidence({ endpoints: [endpoint()] }), []],
]);
