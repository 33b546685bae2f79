import check from './tls-rpt.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import type { TlsRptEvidence } from '../../src/evidence/mail.js';

const MX = { rcode: 'NOERROR', records: [{ preference: 10, exchange: 'mx.site.example' }], nullMx: false };
const at = (tlsRpt: TlsRptEvidence) => evidence({ mx: MX, http: { redirects: { http: [], https: [] }, hsts: null, tlsRpt } });

checkCases(check, [
  ['ok', at({ records: ['v=TLSRPTv1; rua=mailto:r@site.example'], valid: true, rua: ['mailto:r@site.example'], errors: [] }), ['ok']],
  ['missing', at({ records: [], valid: false, rua: [], errors: ['no-record'] }), ['missing']],
  ['bad rua', at({ records: ['v=TLSRPTv1; rua=http://x'], valid: false, rua: ['http://x'], errors: ['bad-rua'] }), ['invalid']],
]);
