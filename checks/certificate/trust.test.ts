import check from './trust.js';
import { checkCases, endpoint, evidence, pki } from '../../test/support/check-kit.js';

const at = (p: ReturnType<typeof pki>) => evidence({ endpoints: [endpoint({ pki: p })] });

checkCases(check, [
  ['trusted', at(pki()), ['trusted']],
  ['completed from AIA', at(pki({ completedViaAia: true, aia: [{ url: 'http://ca.example/i.cer', outcome: 'ok', certificates: 1 }] })), ['completed-via-aia']],
  ['expired but the path is fine', at(pki({ trusted: false, errors: ['expired'] })), ['trusted']],
  ['self-signed', at(pki({ trusted: false, path: [], errors: ['self-signed', 'hostname-mismatch'] })), ['self-signed']],
  ['incomplete', at(pki({ trusted: false, path: [], errors: ['incomplete-chain'] })), ['incomplete-chain']],
  ['untrusted root', at(pki({ trusted: false, path: [], errors: ['untrusted-root'] })), ['untrusted-root']],
  ['bad signature', at(pki({ trusted: false, errors: ['bad-signature'] })), ['invalid-path']],
  ['no path at all', at(pki({ trusted: false, path: [], errors: [] })), ['invalid-path']],
]);
