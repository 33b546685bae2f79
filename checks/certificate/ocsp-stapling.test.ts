import check from './ocsp-stapling.js';
import { checkCases } from '../../test/support/check-kit.js';
import { ocspResponse, revocation as base, withRevocation as at } from '../../test/pki/revocation-kit.js';

const revocation = (parts: Parameters<typeof base>[0]) => base({ source: 'staple', stapled: true, ...parts });
const staple = (parts: Parameters<typeof ocspResponse>[0] = {}) => ocspResponse({ source: 'staple', url: null, ...parts });

checkCases(check, [
  ['valid staple', at(revocation({}), staple()), ['stapled']],
  ['must-staple, nothing stapled', at(revocation({ stapled: false, mustStaple: true, source: 'responder' })), ['must-staple-missing']],
  ['expired staple', at(revocation({ source: 'responder' }), staple({ errors: ['expired'] })), ['invalid-staple']],
  ['staple but unknown issuer', at(revocation({ source: null, status: 'not-checked', reason: 'no-issuer' })), ['invalid-staple']],
  ['responder but no staple', at(revocation({ stapled: false, source: 'responder' })), ['not-stapled']],
  ['no responder at all', at(revocation({ stapled: false, source: null, status: 'not-checked', ocspUrls: [], reason: 'no-ocsp-url' })), []],
]);
