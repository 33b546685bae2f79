import check from './header.js';
import { checkCases, evidence, hsts } from '../../test/support/check-kit.js';
import { parseHsts } from '../../src/http/hsts.js';

const at = (h: ReturnType<typeof hsts>) => evidence({ http: { redirects: { http: [], https: [] }, hsts: h } });
const good = hsts({ raw: ['max-age=63072000; includeSubDomains'], valid: true, maxAge: 63072000, includeSubDomains: true });

checkCases(check, [
  ['two years', at(good), ['ok']],
  ['missing', at(hsts({})), ['missing']],
  ['malformed', at(hsts({ raw: ['max-age=abc'], errors: ['max-age-invalid'] })), ['invalid']],
  ['five minutes', at(hsts({ raw: ['max-age=300'], valid: true, maxAge: 300 })), ['too-short']],
  // Chromium ignores a header with an empty directive value; Firefox keeps the policy (HSTS corpus).
  ['engines disagree', at(parseHsts(['max-age=1; unknownDirective='])), ['firefox-differs', 'invalid']],
  ['duplicate header', at({ ...good, raw: [good.raw[0]!, 'max-age=0'] }), ['multiple-headers', 'ok']],
]);
