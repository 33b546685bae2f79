import check from './ccs-injection.js';
import { checkCases } from '../../test/support/check-kit.js';
import { weaknessCases } from '../../test/tls-vuln/vuln-evidence.js';

checkCases(check, weaknessCases('ccs-injection'));
