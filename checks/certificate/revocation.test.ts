import check from './revocation.js';
import { checkCases, endpoint, evidence, pki } from '../../test/support/check-kit.js';
import { crlResult as crl, ocspResponse as ocsp, revocation, withRevocation as at } from '../../test/pki/revocation-kit.js';

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
  ['good from the CRL', at(revocation({ source: 'crl', ocspUrls: [], crlUrls: ['http://crl.ca.example/1.crl'], crl: crl({ entries: 3 }) })), ['good']],
  [
    'revoked on the CRL',
    at(revocation({ status: 'revoked', source: 'crl', ocspUrls: [], crl: crl({ entries: 3, revocationTime: '2026-05-01T00:00:00.000Z', revocationReason: 'keyCompromise' }) })),
    ['revoked'],
  ],
  ['expired CRL', at(revocation({ status: 'error', source: null, ocspUrls: [], crl: crl({ outcome: 'expired' }), reason: 'expired' })), ['check-failed']],
  ['no OCSP nor CRL URL', at(revocation({ status: 'not-checked', source: null, ocspUrls: [], crlUrls: [], reason: 'no-revocation-url' })), ['not-checked']],
  ['no OCSP URL (older report)', at(revocation({ status: 'not-checked', source: null, ocspUrls: [], reason: 'no-ocsp-url' })), ['not-checked']],
  ['turned off', at(revocation({ status: 'not-checked', source: null, reason: 'disabled' })), ['not-checked']],
  ['no revocation evidence (older report)', evidence({ endpoints: [endpoint({ pki: pki() })] }), []],
]);
