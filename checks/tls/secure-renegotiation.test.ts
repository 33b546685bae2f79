import check from './secure-renegotiation.js';
import { checkCases } from '../../test/support/check-kit.js';
import { weaknessCases } from '../../test/tls-vuln/vuln-evidence.js';

checkCases(check, weaknessCases('secure-renegotiation'));
