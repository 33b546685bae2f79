import check from './lifetime.js';
import { checkCases, endpoint, evidence, leaf } from '../../test/support/check-kit.js';

const issued = (notBefore: string, notAfter: string) =>
  evidence({ endpoints: [endpoint({ certificates: [{ ...leaf({ notBefore: 0, notAfter: 1 }), notBefore, notAfter }] })] });

checkCases(check, [
  ['90 days in 2026', issued('2026-05-01T00:00:00Z', '2026-07-29T23:59:59Z'), ['ok']],
  ['398 days in 2025', issued('2025-01-01T00:00:00Z', '2026-02-02T23:59:59Z'), ['ok']],
  ['399 days in 2025', issued('2025-01-01T00:00:00Z', '2026-02-03T23:59:59Z'), ['too-long']],
  ['201 days after 2026-03-15', issued('2026-04-01T00:00:00Z', '2026-10-18T00:00:00Z'), ['too-long']],
  ['before the first rule', issued('2015-01-01T00:00:00Z', '2020-01-01T00:00:00Z'), ['ok']],
  ['no certificate', evidence({ endpoints: [endpoint()] }), []],
]);
