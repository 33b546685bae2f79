import check from './revocation.js';
import { checkCases, endpoint, evidence, pki } from '../../test/support/check-kit.js';
import { ocspResponse as ocsp, revocation, withRevocation as at } from '../../test/pki/revocation-kit.js';

checkCases(check, [
  ['good from the responder', at(revocation(), ocsp()), ['good']],
  ['good from a staple', at(revocation({ source: 'staple', stapled: true }), ocsp({ source: 'staple', url: null })), ['good']],
  [
    'revoked',
    at(revocation({ status: 'revoked' }), ocsp({ certStatus: 'revoked', revocationTime: '2026-05-01T00:00:00.000Z', revocationReason: 'keyCompromise' })),
    ['revoked'],
  ],
  ['unknown', at(revocation({ status: 'unknown' }), ocsp({ certStatus: 'unknown' })), ['unknown']],
  ['responder unreachable', at(revocation({ status: 'error', source: null, reason: 'ENCSCAN_TIMEOUT' })), ['check-failed']],
  ['no OCSP URL', at(revocation({ status: 'not-checked', source: null, ocspUrls: [], reason: 'no-ocsp-url' })), ['not-checked']],
  ['turned off', at(revocation({ status: 'not-checked', source: null, reason: 'disabled' })), ['not-checked']],
  ['no revocation evidence (older report)', evidence({ endpoints: [endpoint({ pki: pki() })] }), []],
]);
