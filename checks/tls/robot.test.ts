import check from './robot.js';
import { checkCases } from '../../test/support/check-kit.js';
import { weaknessCases } from '../../test/tls-vuln/vuln-evidence.js';

checkCases(check, weaknessCases('robot'));
