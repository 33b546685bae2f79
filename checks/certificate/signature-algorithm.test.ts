import check from './signature-algorithm.js';
import { checkCases, endpoint, evidence, leaf, pki } from '../../test/support/check-kit.js';
import type { CertificateInfo } from '../../src/evidence/certificate.js';

const cert = (sha256: string, signatureAlgorithm: string, parts: Partial<CertificateInfo> = {}): CertificateInfo => ({
  ...leaf({ notBefore: -1, notAfter: 60 }), sha256, signatureAlgorithm, ...parts,
});
const LEAF = 'a'.repeat(64);
const CA = 'c'.repeat(64);
const ROOT = 'd'.repeat(64);
const at = (chain: CertificateInfo[], path = [LEAF, CA, ROOT]) =>
  evidence({ endpoints: [endpoint({ certificates: chain, pki: pki({ path }) })] });

checkCases(check, [
  ['sha256 everywhere', at([cert(LEAF, 'ecdsa-with-SHA256'), cert(CA, 'sha256WithRSAEncryption')]), ['ok']],
  ['sha1 leaf', at([cert(LEAF, 'sha1WithRSAEncryption'), cert(CA, 'sha256WithRSAEncryption')]), ['weak-hash']],
  ['md5 intermediate', at([cert(LEAF, 'sha256WithRSAEncryption'), cert(CA, 'md5WithRSAEncryption')]), ['weak-hash']],
  // A root sent along with the chain signs itself with SHA-1: that proves nothing and is not judged.
  ['sha1 self-signature of the sent root', at([cert(LEAF, 'sha256WithRSAEncryption'), cert(ROOT, 'sha1WithRSAEncryption', { selfSigned: true, isCA: true })], [LEAF, ROOT]), ['ok']],
  ['no chain: not applicable', evidence({ endpoints: [endpoint()] }), []],
]);
