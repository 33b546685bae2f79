import check from './expiry.js';
import { checkCases, endpoint, evidence, leaf } from '../../test/support/check-kit.js';

const at = (notBefore: number, notAfter: number) => evidence({ endpoints: [endpoint({ certificates: [leaf({ notBefore, notAfter })] })] });

checkCases(check, [
  ['90 days left', at(-10, 90), ['ok']],
  ['30 days left is not soon', at(-10, 30.5), ['ok']],
  ['29 days left', at(-10, 29.5), ['expires-soon']],
  ['14 days left', at(-10, 14.5), ['expires-soon']],
  ['13 days left', at(-10, 13.5), ['expires-very-soon']],
  ['expired yesterday', at(-100, -1), ['expired']],
  ['starts tomorrow', at(1, 90), ['not-yet-valid']],
  ['no certificate', evidence({ endpoints: [endpoint()] }), []],
]);
