// The embedded lab's certificate authority: a fresh root and intermediate per lab start, and
// leaves on demand, all made with WebCrypto (ECDSA P-256 unless a leaf asks otherwise).
import type { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { x509 } from '../pki/x509.js';

export interface IssuedCert {
  certPem: string;
  keyPem: string;
  /** Leaf then intermediate (just the leaf when self-signed): what a server sends. */
  chainPem: string;
  der: Uint8Array;
}

export type LeafKey = { algorithm: 'ECDSA'; namedCurve?: 'P-256' | 'P-384' } | { algorithm: 'RSA'; modulusLength: number };

export interface LeafOptions {
  /** DNS names or IP literals for the SAN; none gives a certificate without a SAN. */
  names: string[];
  notBefore: Date;
  notAfter: Date;
  selfSigned?: boolean;
  key?: LeafKey;
  /** Extra subject attributes after the CN, e.g. [{ O: ['…'] }] (the lab's hostile-fields host). */
  extraSubject?: Array<Record<string, string[]>>;
  /** Sign with SHA-1 instead of SHA-256, as CAs did until 2016 (the lab's weak-signature host). */
  sha1Signature?: boolean;
  /** Authority Information Access URLs (RFC 5280 §4.2.2.1). */
  aia?: { caIssuers?: string; ocsp?: string };
  /** CRL distribution point URLs, one distribution point each (RFC 5280 §4.2.1.13). */
  crl?: string[];
  /** The TLS feature extension with status_request, "OCSP must-staple" (RFC 7633). */
  mustStaple?: boolean;
}

export interface LabPki {
  rootPem: string;
  rootDer: Uint8Array;
  intermediatePem: string;
  intermediateDer: Uint8Array;
  /** The intermediate's signing key and algorithm: the lab OCSP responder and CRL are signed with it. */
  intermediateKey: { privateKey: CryptoKey; algorithm: webcrypto.EcdsaParams };
  issueLeaf(opts: LeafOptions): Promise<IssuedCert>;
}

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

interface KeyMaterial {
  keys: CryptoKeyPair;
  signingAlgorithm: webcrypto.Algorithm | webcrypto.EcdsaParams;
}

const DAY_MS = 86_400_000;
const CA_USAGE = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;

async function generateKeys(key: LeafKey = { algorithm: 'ECDSA' }): Promise<KeyMaterial> {
  if (key.algorithm === 'RSA') {
    const params = { name: 'RSASSA-PKCS1-v1_5', modulusLength: key.modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
    const keys = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
    return { keys, signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5' } };
  }
  const namedCurve = key.namedCurve ?? 'P-256';
  const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { keys, signingAlgorithm: { name: 'ECDSA', hash: namedCurve === 'P-384' ? 'SHA-384' : 'SHA-256' } };
}

async function keyIds(subject: CryptoKey, issuer: CryptoKey): Promise<x509.Extension[]> {
  return [await x509.SubjectKeyIdentifierExtension.create(subject), await x509.AuthorityKeyIdentifierExtension.create(issuer)];
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

const TLS_FEATURE = '1.3.6.1.5.5.7.1.24';
/** Features ::= SEQUENCE OF INTEGER, here { 5 } (status_request). */
const MUST_STAPLE_VALUE = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]);

function aiaExtension(aia: NonNullable<LeafOptions['aia']>): x509.Extension {
  return new x509.AuthorityInfoAccessExtension({
    ...(aia.caIssuers ? { caIssuers: [new x509.GeneralName('url', aia.caIssuers)] } : {}),
    ...(aia.ocsp ? { ocsp: [new x509.GeneralName('url', aia.ocsp)] } : {}),
  });
}

const pem = (cert: x509.X509Certificate): string => `${cert.toString('pem').trim()}\n`;

export async function createLabPki(now: Date): Promise<LabPki> {
  const notBefore = new Date(now.getTime() - DAY_MS);
  const notAfter = new Date(now.getTime() + 3650 * DAY_MS);
  // Serial numbers are left to the library, which draws 16 random bytes and keeps them positive.
  const rootKey = await generateKeys();
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: ['encscan lab root CA'] }],
    keys: rootKey.keys,
    signingAlgorithm: rootKey.signingAlgorithm,
    notBefore,
    notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(CA_USAGE, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKey.keys.publicKey),
    ],
  });
  const intermediateKey = await generateKeys();
  const intermediate = await x509.X509CertificateGenerator.create({
    subject: [{ CN: ['encscan lab intermediate CA'] }],
    issuer: root.subjectName, // the exact DER of the root's name, so byte-wise name chaining holds
    publicKey: intermediateKey.keys.publicKey,
    signingKey: rootKey.keys.privateKey,
    signingAlgorithm: rootKey.signingAlgorithm,
    notBefore,
    notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(CA_USAGE, true),
      ...(await keyIds(intermediateKey.keys.publicKey, rootKey.keys.publicKey)),
    ],
  });

  const issueLeaf = async (opts: LeafOptions): Promise<IssuedCert> => {
    const leafKey = await generateKeys(opts.key);
    const usage =
      x509.KeyUsageFlags.digitalSignature | (opts.key?.algorithm === 'RSA' ? x509.KeyUsageFlags.keyEncipherment : 0);
    const extensions: x509.Extension[] = [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ];
    if (opts.aia) extensions.push(aiaExtension(opts.aia));
    if (opts.crl) extensions.push(new x509.CRLDistributionPointsExtension(opts.crl));
    if (opts.mustStaple) extensions.push(new x509.Extension(TLS_FEATURE, false, MUST_STAPLE_VALUE));
    if (opts.names.length > 0) {
      const san = opts.names.map((value) => ({ type: isIP(value) ? ('ip' as const) : ('dns' as const), value }));
      extensions.push(new x509.SubjectAlternativeNameExtension(san));
    }
    const name = [{ CN: [opts.names[0] ?? 'encscan lab leaf'] }, ...(opts.extraSubject ?? [])];
    const validity = { notBefore: opts.notBefore, notAfter: opts.notAfter };
    const cert = opts.selfSigned
      ? await x509.X509CertificateGenerator.createSelfSigned({
          name,
          keys: leafKey.keys,
          signingAlgorithm: leafKey.signingAlgorithm,
          ...validity,
          extensions: [...extensions, await x509.SubjectKeyIdentifierExtension.create(leafKey.keys.publicKey)],
        })
      : await x509.X509CertificateGenerator.create({
          subject: name,
          issuer: intermediate.subjectName,
          publicKey: leafKey.keys.publicKey,
          signingKey: intermediateKey.keys.privateKey,
          signingAlgorithm: opts.sha1Signature ? { ...intermediateKey.signingAlgorithm, hash: 'SHA-1' } : intermediateKey.signingAlgorithm,
          ...validity,
          extensions: [...extensions, ...(await keyIds(leafKey.keys.publicKey, intermediateKey.keys.publicKey))],
        });
    return {
      certPem: pem(cert),
      keyPem: await privateKeyPem(leafKey.keys.privateKey),
      chainPem: opts.selfSigned ? pem(cert) : pem(cert) + pem(intermediate),
      der: new Uint8Array(cert.rawData),
    };
  };

  return {
    rootPem: pem(root),
    rootDer: new Uint8Array(root.rawData),
    intermediatePem: pem(intermediate),
    intermediateDer: new Uint8Array(intermediate.rawData),
    intermediateKey: { privateKey: intermediateKey.keys.privateKey, algorithm: { name: 'ECDSA', hash: 'SHA-256' } },
    issueLeaf,
  };
}
