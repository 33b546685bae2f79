// Decodes the X.509 fields encscan reasons about (RFC 5280 §4.1, §4.2.1). Names stay as DER
// bytes so issuer/subject comparison is exact; extension values (and RSA keys) that fail to
// decode are listed in `malformed` instead of failing the whole certificate.
import { createHash } from 'node:crypto';
import { readExtensions } from './cert-extensions.js';
import { TAG, children, content, decodeError, expectTlv, readOid, readTime, toHex, whole, type Tlv } from './der.js';
import type { GeneralName } from './general-names.js';
import type { NameConstraints } from './name-constraints.js';
import { EC_PUBLIC_KEY, KEY_TYPES } from './oids.js';

export interface CertFields {
  der: Uint8Array;
  sha256: string;
  /** Serial INTEGER content as hex, without the sign-padding zero byte. */
  serial: string;
  /** Serial INTEGER content octets as encoded (RFC 5280 §4.1.2.2 rules look at these). */
  serialBytes: Uint8Array;
  signatureAlgorithm: string;
  /** RFC 5280 §4.1.1.2: the TBS signature field must equal the outer one. */
  signatureAlgorithmsAgree: boolean;
  issuer: Uint8Array;
  subject: Uint8Array;
  issuerHex: string;
  subjectHex: string;
  /** The subject is an empty SEQUENCE. */
  subjectEmpty: boolean;
  /** Subject commonName values, decoded as text (UTF-8 for UTF8String, Latin-1 for the ASCII types). */
  commonNames: string[];
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  spkiSha256: string;
  keyAlgorithm: string;
  /** Named-curve OID for EC keys. */
  curve?: string;
  rsaModulusBits?: number;
  basicConstraints?: { ca: boolean; pathLen?: number };
  /** Bit i set when KeyUsage bit i is asserted (digitalSignature = bit 0, keyCertSign = bit 5). */
  keyUsage?: number;
  extKeyUsage?: string[];
  subjectKeyId?: string;
  authorityKeyId?: string;
  /** The AKI names the issuer's issuer and serial (authorityCertIssuer / authorityCertSerialNumber). */
  authorityCertRef?: boolean;
  /** Absent when the certificate has no subjectAltName extension; `ip` holds only well-formed addresses. */
  san?: { dns: string[]; ip: string[] };
  /** Every subjectAltName entry, as encoded. */
  altNames?: GeneralName[];
  nameConstraints?: NameConstraints;
  /** Every extension in order, duplicates included. */
  extensions: { oid: string; critical: boolean }[];
  /** OIDs of extensions (or of the key algorithm) whose value did not decode. */
  malformed: string[];
}

export const KEY_CERT_SIGN = 1 << 5;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function parseCertificate(der: Uint8Array): CertFields {
  const cert = expectTlv(der, 0, TAG.sequence);
  if (cert.end !== der.length) throw decodeError('trailing bytes after certificate');
  const [tbs, outerAlg, sig] = children(der, cert);
  if (!tbs || !outerAlg || !sig || tbs.tag !== TAG.sequence || sig.tag !== TAG.bitString) throw decodeError('not a certificate');
  const parts = children(der, tbs);
  const i = parts[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version, absent in v1
  const [serial, tbsAlg, issuer, validity, subject, spki] = parts.slice(i, i + 6);
  if (!serial || !tbsAlg || !issuer || !validity || !subject || !spki) throw decodeError('truncated TBSCertificate');
  if (serial.tag !== TAG.integer || issuer.tag !== TAG.sequence || subject.tag !== TAG.sequence) throw decodeError('bad TBSCertificate');
  const [notBefore, notAfter] = children(der, validity);
  if (!notBefore || !notAfter) throw decodeError('bad validity');
  const signatureAlgorithm = algorithmOid(der, outerAlg);
  const fields: CertFields = {
    der,
    sha256: sha256(der),
    serial: serialHex(content(der, serial)),
    serialBytes: content(der, serial),
    signatureAlgorithm,
    signatureAlgorithmsAgree: Buffer.from(whole(der, tbsAlg)).equals(whole(der, outerAlg)),
    issuer: whole(der, issuer),
    subject: whole(der, subject),
    issuerHex: toHex(whole(der, issuer)),
    subjectHex: toHex(whole(der, subject)),
    subjectEmpty: subject.end === subject.contentStart,
    commonNames: commonNames(der, subject),
    notBefore: readTime(der, notBefore),
    notAfter: readTime(der, notAfter),
    spki: whole(der, spki),
    spkiSha256: sha256(whole(der, spki)),
    keyAlgorithm: '',
    extensions: [],
    malformed: [],
  };
  readKey(der, spki, fields);
  const extensions = parts.slice(i + 6).find((t) => t.tag === 0xa3);
  if (extensions) readExtensions(der, expectTlv(der, extensions.contentStart, TAG.sequence, extensions.end), fields);
  return fields;
}

function algorithmOid(der: Uint8Array, alg: Tlv): string {
  const oid = children(der, alg)[0];
  if (!oid) throw decodeError('empty AlgorithmIdentifier');
  return readOid(der, oid);
}

function serialHex(bytes: Uint8Array): string {
  const trimmed = bytes.length > 1 && bytes[0] === 0 ? bytes.subarray(1) : bytes;
  return toHex(trimmed);
}

function readKey(der: Uint8Array, spki: Tlv, out: CertFields): void {
  const [alg, key] = children(der, spki);
  if (!alg || !key || key.tag !== TAG.bitString) throw decodeError('bad SubjectPublicKeyInfo');
  const [oid, params] = children(der, alg);
  if (!oid) throw decodeError('empty key AlgorithmIdentifier');
  out.keyAlgorithm = readOid(der, oid);
  if (out.keyAlgorithm === EC_PUBLIC_KEY && params?.tag === TAG.oid) out.curve = readOid(der, params);
  if (KEY_TYPES[out.keyAlgorithm] === 'RSA') {
    try {
      // BIT STRING content: one unused-bits byte, then RSAPublicKey { modulus, publicExponent }.
      const rsaKey = expectTlv(der, key.contentStart + 1, TAG.sequence, key.end);
      const modulus = expectTlv(der, rsaKey.contentStart, TAG.integer, rsaKey.end);
      out.rsaModulusBits = bitLength(content(der, modulus));
    } catch {
      out.malformed.push(out.keyAlgorithm);
    }
  }
}

function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

const COMMON_NAME = '2.5.4.3';

function commonNames(der: Uint8Array, name: Tlv): string[] {
  const out: string[] = [];
  for (const rdn of children(der, name)) {
    for (const atv of children(der, rdn)) {
      const [type, value] = children(der, atv);
      if (!type || !value || readOid(der, type) !== COMMON_NAME) continue;
      const bytes = Buffer.from(content(der, value));
      // UTF8String; BMPString is UCS-2 big-endian; the rest are single-byte types.
      out.push(value.tag === 0x0c ? bytes.toString('utf8') : value.tag === 0x1e && bytes.length % 2 === 0 ? bytes.swap16().toString('utf16le') : bytes.toString('latin1'));
    }
  }
  return out;
}
