import { X509Certificate as NodeX509, createHash, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { rootCertificates } from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLabPki, type LabPki, type LeafOptions } from '../../src/lab/pki.js';
import { describeCertificate } from '../../src/pki/certificate-info.js';
import { parsePemCertificates } from '../../src/pki/trust-store.js';
import { x509 } from '../../src/pki/x509.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const spkiSha256 = (der: Uint8Array) => sha256(new NodeX509(der).publicKey.export({ type: 'spki', format: 'der' }));

let lab: LabPki;
const leaf = async (opts: Partial<LeafOptions>) =>
  (await lab.issueLeaf({ names: ['www.example.test'], notBefore: NOW, notAfter: new Date(NOW.getTime() + 86_400_000), ...opts })).der;

/** Rewrites every sha256WithRSAEncryption OID (TBS and outer) to another OID of the same length. */
function withSignatureOid(der: Uint8Array, lastByte: number): Uint8Array {
  const oid = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
  const out = Uint8Array.from(der);
  let found = 0;
  for (let i = 0; i + oid.length <= out.length; i++) {
    if (oid.every((b, j) => out[i + j] === b)) {
      out[i + oid.length - 1] = lastByte;
      found++;
    }
  }
  expect(found).toBe(2);
  return out;
}

beforeAll(async () => {
  lab = await createLabPki(NOW);
});

describe('describeCertificate', () => {
  it('EC P-256 leaf with DNS and IP SANs, cross-checked against node:crypto', async () => {
    const der = await leaf({ names: ['a.example.test', '192.0.2.7', '2001:DB8::7'] });
    const info = await describeCertificate(der);
    const node = new NodeX509(der);
    expect(info).toEqual({
      subject: 'CN=a.example.test',
      issuer: 'CN=encscan lab intermediate CA',
      serial: node.serialNumber.toLowerCase(),
      san: { dns: ['a.example.test'], ip: ['192.0.2.7', '2001:db8::7'] },
      notBefore: NOW.toISOString(),
      notAfter: new Date(NOW.getTime() + 86_400_000).toISOString(),
      keyType: 'EC',
      keySize: 256,
      curve: 'P-256',
      signatureAlgorithm: 'ecdsa-with-SHA256',
      selfSigned: false,
      isCA: false,
      sha256: node.fingerprint256.replace(/:/g, '').toLowerCase(),
      spkiSha256: spkiSha256(der),
      der: Buffer.from(der).toString('base64'),
    });
  });

  it('lab root: CA, self-signed', async () => {
    expect(await describeCertificate(lab.rootDer)).toMatchObject({
      subject: 'CN=encscan lab root CA',
      issuer: 'CN=encscan lab root CA',
      isCA: true,
      selfSigned: true,
    });
  });

  it.each([
    ['P-384 self-signed', { selfSigned: true, key: { algorithm: 'ECDSA', namedCurve: 'P-384' } }, { keyType: 'EC', keySize: 384, curve: 'P-384', signatureAlgorithm: 'ecdsa-with-SHA384', selfSigned: true }],
    ['RSA leaf', { key: { algorithm: 'RSA', modulusLength: 2048 } }, { keyType: 'RSA', keySize: 2048, signatureAlgorithm: 'ecdsa-with-SHA256', selfSigned: false }],
    ['RSA self-signed', { selfSigned: true, key: { algorithm: 'RSA', modulusLength: 1024 } }, { keyType: 'RSA', keySize: 1024, signatureAlgorithm: 'sha256WithRSAEncryption', selfSigned: true }],
  ] as const)('%s', async (_, opts, want) => {
    const info = await describeCertificate(await leaf(opts));
    expect(info).toMatchObject(want);
    expect('curve' in info).toBe(want.keyType === 'EC');
  });

  it.each([
    ['md5WithRSAEncryption', 0x04],
    ['sha1WithRSAEncryption', 0x05],
  ])('names %s and does not throw on it', async (name, lastByte) => {
    const der = withSignatureOid(await leaf({ selfSigned: true, key: { algorithm: 'RSA', modulusLength: 1024 } }), lastByte);
    // The TBS changed, so the self-signature no longer verifies.
    expect(await describeCertificate(der)).toMatchObject({ signatureAlgorithm: name, selfSigned: false, keyType: 'RSA' });
  });

  it.each([
    ['Ed25519', { name: 'Ed25519' }],
    ['RSASSA-PSS', { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }],
  ])('%s self-signed', async (name, alg) => {
    const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const signingAlgorithm = name === 'RSASSA-PSS' ? { name: 'RSA-PSS', saltLength: 32 } : alg;
    const cert = await x509.X509CertificateGenerator.createSelfSigned({ name: 'CN=odd', keys, signingAlgorithm });
    const info = await describeCertificate(new Uint8Array(cert.rawData));
    expect(info).toMatchObject({ signatureAlgorithm: name, selfSigned: true, keyType: name === 'Ed25519' ? 'Ed25519' : 'RSA' });
    expect(info.keySize).toBe(name === 'Ed25519' ? null : 2048);
  });

  it("describes every root in Node's store like node:crypto does", async () => {
    for (const pem of rootCertificates) {
      const der = parsePemCertificates(pem)[0]!;
      const node = new NodeX509(der);
      const info = await describeCertificate(der);
      expect(info.sha256).toBe(node.fingerprint256.replace(/:/g, '').toLowerCase());
      expect(info.isCA).toBe(node.ca);
      expect(['RSA', 'EC']).toContain(info.keyType);
      expect(info.keySize).toBe(node.publicKey.asymmetricKeyDetails?.modulusLength ?? info.keySize);
    }
  });

  it('reads a real-world leaf (x509-limbo online::google.com)', async () => {
    const limbo = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'corpora', 'x509-limbo', 'limbo.json'), 'utf8')) as { testcases: { id: string; peer_certificate: string }[] };
    const der = parsePemCertificates(limbo.testcases.find((t) => t.id === 'online::google.com')!.peer_certificate)[0]!;
    const info = await describeCertificate(der);
    const node = new NodeX509(der);
    expect(info.san.dns).toEqual(node.subjectAltName!.split(', ').map((s) => s.replace(/^DNS:/, '')));
    expect(info.notAfter).toBe(new Date(node.validTo).toISOString());
    expect(info.serial).toBe(node.serialNumber.toLowerCase());
    expect(info.selfSigned).toBe(false);
  });

  it.each([
    ['empty', new Uint8Array()],
    ['not DER', new Uint8Array([1, 2, 3, 4])],
    ['a bare SEQUENCE', new Uint8Array([0x30, 0x00])],
  ])('throws ENCSCAN_DECODE on %s', async (_, bytes) => {
    await expect(describeCertificate(bytes)).rejects.toMatchObject({ code: 'ENCSCAN_DECODE' });
  });

  it('throws ENCSCAN_DECODE on truncated or padded certificates', async () => {
    await expect(describeCertificate(lab.rootDer.subarray(0, -5))).rejects.toMatchObject({ code: 'ENCSCAN_DECODE' });
    await expect(describeCertificate(Uint8Array.from([...lab.rootDer, 0]))).rejects.toMatchObject({ code: 'ENCSCAN_DECODE' });
  });
});
