import check from './mta-sts.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import type { MtaStsEvidence, MxEvidence } from '../../src/evidence/mail.js';

const MX: MxEvidence = { rcode: 'NOERROR', records: [{ preference: 10, exchange: 'mx1.site.example' }, { preference: 20, exchange: 'mx2.site.example' }], nullMx: false };
const TXT = { records: ['v=STSv1; id=1'], valid: true, id: '1', errors: [] };
const policy = (parts: Partial<NonNullable<MtaStsEvidence['policy']>> = {}): MtaStsEvidence['policy'] => ({
  url: 'https://mta-sts.site.example/.well-known/mta-sts.txt', status: 200, contentType: 'text/plain', version: 'STSv1', mode: 'enforce',
  mx: ['*.site.example'], maxAge: 604800, errors: [], certificateTrusted: true, ...parts,
});
const at = (mtaSts: MtaStsEvidence, mx: MxEvidence = MX) => evidence({ mx, http: { redirects: { http: [], https: [] }, hsts: null, mtaSts } });

checkCases(check, [
  ['enforce', at({ txt: TXT, policy: policy() }), ['enforce']],
  ['testing', at({ txt: TXT, policy: policy({ mode: 'testing' }) }), ['testing']],
  ['mode none', at({ txt: TXT, policy: policy({ mode: 'none', mx: [] }) }), ['none-mode']],
  ['no record', at({ txt: { records: ['v=spf1 -all'], valid: false, id: null, errors: ['no-record'] }, policy: null }), ['missing']],
  ['bad TXT', at({ txt: { records: ['v=STSv1;'], valid: false, id: null, errors: ['missing-id'] }, policy: null }), ['invalid']],
  ['policy 404', at({ txt: TXT, policy: policy({ status: 404, errors: ['not-found'] }) }), ['invalid']],
  ['untrusted policy host', at({ txt: TXT, policy: policy({ certificateTrusted: false }) }), ['invalid']],
  ['MX not listed', at({ txt: TXT, policy: policy({ mx: ['mx1.site.example'] }) }), ['mx-not-covered']],
  ['null MX: not applicable', at({ txt: TXT, policy: policy() }, { rcode: 'NOERROR', records: [{ preference: 0, exchange: '' }], nullMx: true }), []],
  ['no MX: not applicable', at({ txt: TXT, policy: policy() }, { rcode: 'NOERROR', records: [], nullMx: false }), []],
]);
