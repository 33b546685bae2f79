import check from './fallback-scsv.js';
import { checkCases } from '../../test/support/check-kit.js';
import { weaknessCases } from '../../test/tls-vuln/vuln-evidence.js';

checkCases(check, weaknessCases('fallback-scsv'));
