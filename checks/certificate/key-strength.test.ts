import check from './key-strength.js';
import { checkCases, endpoint, evidence, leaf } from '../../test/support/check-kit.js';
import type { CertificateInfo } from '../../src/evidence/certificate.js';

const cert = (parts: Partial<CertificateInfo>): CertificateInfo => ({ ...leaf({ notBefore: -1, notAfter: 60 }), ...parts });
const at = (...chain: CertificateInfo[]) => evidence({ endpoints: [endpoint({ certificates: chain })] });
const ec = (curve: string) => cert({ keyType: 'EC', keySize: 256, curve });
const rsa = (bits: number) => cert({ keyType: 'RSA', keySize: bits });

checkCases(check, [
  ['P-256', at(ec('P-256')), ['ok']],
  ['RSA 4096', at(rsa(4096)), ['ok']],
  ['Ed25519', at(cert({ keyType: 'Ed25519', keySize: null })), ['ok']],
  ['RSA 2048', at(rsa(2048)), ['rsa-below-3072']],
  ['RSA 1024', at(rsa(1024)), ['weak-key']],
  ['weak intermediate', at(ec('P-256'), cert({ keyType: 'RSA', keySize: 1024, subject: 'CN=Old CA', isCA: true })), ['weak-key']],
  ['secp256k1', at(ec('secp256k1')), ['curve-not-allowed']],
  ['no chain', evidence({ endpoints: [endpoint()] }), []],
]);
