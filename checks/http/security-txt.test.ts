import check from './security-txt.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import { parseSecurityTxt } from '../../src/http/security-txt.js';
import type { SecurityTxt } from '../../src/evidence/http.js';

const URL = 'https://site.example/.well-known/security.txt';
const file = (text: string, type = 'text/plain; charset=utf-8') => parseSecurityTxt(URL, type, new TextEncoder().encode(text));
const at = (s: SecurityTxt) => evidence({ http: { redirects: { http: [], https: [] }, hsts: null, securityTxt: s } });
const GOOD = 'Contact: mailto:security@site.example\nExpires: 2026-12-31T23:00:00Z\n';

checkCases(check, [
  ['good', at(file(GOOD)), ['ok']],
  ['not found', at({ ...file(''), status: 404, errors: [] }), ['missing']],
  ['no contact', at(file('Expires: 2026-12-31T23:00:00Z\n')), ['invalid']],
  ['served as HTML', at(file(GOOD, 'text/html')), ['invalid']],
  ['expired', at(file('Contact: mailto:a@site.example\nExpires: 2026-01-01T00:00:00Z\n')), ['expired']],
  ['no response: not applicable', at({ ...file(''), status: null, error: 'ENCSCAN_TIMEOUT' }), []],
]);
