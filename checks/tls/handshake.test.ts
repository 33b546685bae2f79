import check from './handshake.js';
import { checkCases, endpoint, evidence } from '../../test/support/check-kit.js';

const tls = { negotiated: { version: 'TLSv1.3' as const, cipherSuite: { code: '0x1301', name: 'TLS_AES_128_GCM_SHA256' }, alpn: null }, handshakeMs: 3 };
const failed = (code: string) => endpoint({ attempts: { tls: { status: 'error', code, detail: 'x' } } });

checkCases(check, [
  ['handshake', evidence({ endpoints: [endpoint({ tls })] }), ['ok']],
  ['alert', evidence({ endpoints: [failed('ENCSCAN_TLS_HANDSHAKE')] }), ['failed']],
  ['refused', evidence({ endpoints: [failed('ENCSCAN_CONNECT_REFUSED')] }), ['failed']],
  ['timeout is not a verdict', evidence({ endpoints: [failed('ENCSCAN_TIMEOUT')] }), []],
  ['two endpoints', evidence({ endpoints: [endpoint({ tls }), failed('ENCSCAN_TLS_HANDSHAKE')] }), ['ok', 'failed']],
]);
