// Judges a downloaded CRL (RFC 5280 §5, §6.3) for one leaf: signed by the leaf's issuer, naming
// that issuer, current, and listing the leaf's serial or not. The CRL is untrusted and may be
// megabytes: it is walked with the bounds-checked DER reader (no schema decoder building a node per
// entry), and anything that does not decode is a 'malformed' judgement, never an exception.
import { createPublicKey, verify } from 'node:crypto';
import { CRLReasons } from '@peculiar/asn1-x509';
import type { CertFields } from './cert-fields.js';
import { TAG, children, content, expectTlv, readOid, readTime, whole, type Tlv } from './der.js';
import { SIGNATURE_DIGESTS } from './signature-digests.js';

/** Stable codes for CrlEvidence.outcome when the CRL gives no verdict. */
export const CRL_ERRORS = [
  'malformed', // not a CertificateList, or a field that does not decode
  'wrong-issuer', // the CRL names another issuer than the leaf's
  'bad-signature', // the issuer's key does not verify it, or the algorithm is not one encscan checks
  'not-yet-valid', // thisUpdate in the future
  'expired', // nextUpdate in the past or absent: it may no longer list recent revocations
  'unsupported-extension', // a critical CRL extension encscan does not process (a delta CRL's indicator, …), RFC 5280 §5.2
  'wrong-scope', // its issuing distribution point covers other certificates or another URL (§5.2.5)
] as const;
export type CrlError = (typeof CRL_ERRORS)[number];

export interface CrlJudgement {
  /** null when `error` is set: such a CRL says nothing about the leaf. */
  status: 'good' | 'revoked' | null;
  error: CrlError | null;
  thisUpdate: string | null;
  nextUpdate: string | null;
  /** revokedCertificates entries listed. */
  entries: number;
  signatureValid: boolean;
  revocationTime: string | null;
  revocationReason: string | null;
}

const REASON_CODE = '2.5.29.21';
const TAG_ENUMERATED = 0x0a;
const TAG_CRL_EXTENSIONS = 0xa0;
const CRL_NUMBER = '2.5.29.20';
const AUTHORITY_KEY_ID = '2.5.29.35';
const ISSUING_DISTRIBUTION_POINT = '2.5.29.28';
/** IssuingDistributionPoint fields that narrow the scope to other certificates or reasons ([2] to [5]). */
const NARROWING_IDP_TAGS = new Set([0x82, 0x83, 0x84, 0x85]);

/** `url`: where the CRL came from, which its issuing distribution point must name if it names any. */
export function judgeCrl(der: Uint8Array, leaf: CertFields, issuer: CertFields, now: Date, url: string): CrlJudgement {
  const out: CrlJudgement = { status: null, error: null, thisUpdate: null, nextUpdate: null, entries: 0, signatureValid: false, revocationTime: null, revocationReason: null };
  let crl: ParsedCrl;
  try {
    crl = parseCrl(der, leaf.serialBytes, url);
  } catch {
    return { ...out, error: 'malformed' };
  }
  Object.assign(out, {
    thisUpdate: crl.thisUpdate.toISOString(),
    nextUpdate: crl.nextUpdate?.toISOString() ?? null,
    entries: crl.entries,
    signatureValid: crl.signatureAlgorithmsAgree && signedBy(crl, issuer),
  });
  out.error = !Buffer.from(crl.issuer).equals(leaf.issuer)
    ? 'wrong-issuer'
    : !out.signatureValid
      ? 'bad-signature'
      : crl.thisUpdate > now
        ? 'not-yet-valid'
        : !crl.nextUpdate || crl.nextUpdate < now
          ? 'expired'
          : crl.extensionError;
  if (out.error !== null) return out;
  if (!crl.revoked) return { ...out, status: 'good' };
  return { ...out, status: 'revoked', revocationTime: crl.revoked.date.toISOString(), revocationReason: crl.revoked.reason };
}

interface ParsedCrl {
  tbs: Uint8Array;
  signatureAlgorithm: string;
  signatureAlgorithmsAgree: boolean;
  signature: Uint8Array;
  issuer: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date | null;
  entries: number;
  revoked: { date: Date; reason: string | null } | null;
  extensionError: CrlError | null;
}

/** CertificateList (RFC 5280 §5.1); only the entry for `serial` (INTEGER content octets) is decoded beyond its serial. */
function parseCrl(der: Uint8Array, serial: Uint8Array, url: string): ParsedCrl {
  const top = expectTlv(der, 0, TAG.sequence);
  if (top.end !== der.length) throw new Error('trailing data');
  const [tbsTlv, algTlv, sigTlv] = children(der, top);
  if (!tbsTlv || !algTlv || !sigTlv || tbsTlv.tag !== TAG.sequence || sigTlv.tag !== TAG.bitString) throw new Error('not a CertificateList');
  const signatureAlgorithm = algorithmOid(der, algTlv);
  const bits = content(der, sigTlv);
  if (bits.length < 1 || bits[0] !== 0) throw new Error('signature with unused bits');
  const fields = children(der, tbsTlv);
  let i = fields[0]?.tag === TAG.integer ? 1 : 0; // version, v2 when present
  const tbsAlgorithm = algorithmOid(der, need(fields[i++]));
  const issuer = need(fields[i++]);
  if (issuer.tag !== TAG.sequence) throw new Error('issuer is not a Name');
  const thisUpdate = readTime(der, need(fields[i++]));
  let nextUpdate: Date | null = null;
  if (fields[i]?.tag === TAG.utcTime || fields[i]?.tag === TAG.generalizedTime) nextUpdate = readTime(der, fields[i++]!);
  let entries = 0;
  let revoked: ParsedCrl['revoked'] = null;
  if (fields[i]?.tag === TAG.sequence) {
    for (const entry of children(der, fields[i++]!)) {
      entries++;
      const [userCertificate, date, extensions] = children(der, entry);
      if (!userCertificate || userCertificate.tag !== TAG.integer || !date) throw new Error('bad revokedCertificates entry');
      if (revoked === null && Buffer.from(content(der, userCertificate)).equals(serial)) {
        revoked = { date: readTime(der, date), reason: extensions ? reasonCode(der, extensions) : null };
      }
    }
  }
  let extensionError: CrlError | null = null;
  if (fields[i]?.tag === TAG_CRL_EXTENSIONS) extensionError = crlExtensionError(der, need(children(der, fields[i++]!)[0]), url);
  if (i !== fields.length) throw new Error('unexpected TBSCertList field');
  return {
    tbs: whole(der, tbsTlv),
    signatureAlgorithm,
    signatureAlgorithmsAgree: tbsAlgorithm === signatureAlgorithm,
    signature: bits.subarray(1),
    issuer: whole(der, issuer),
    thisUpdate,
    nextUpdate,
    entries,
    revoked,
    extensionError,
  };
}

/** RFC 5280 §5.2: a critical extension not understood makes the CRL unusable; §5.2.5 the IDP's scope. */
function crlExtensionError(der: Uint8Array, extensions: Tlv, url: string): CrlError | null {
  for (const ext of children(der, extensions)) {
    const parts = children(der, ext);
    const oid = readOid(der, need(parts[0]));
    const critical = parts.length === 3 && parts[1]!.tag === TAG.boolean && content(der, parts[1]!)[0] !== 0;
    if (oid === ISSUING_DISTRIBUTION_POINT) {
      if (!idpCovers(content(der, need(parts[parts.length - 1])), url)) return 'wrong-scope';
    } else if (critical && oid !== CRL_NUMBER && oid !== AUTHORITY_KEY_ID) return 'unsupported-extension';
  }
  return null;
}

/**
 * IssuingDistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL,
 * onlyContainsUserCerts [1], onlyContainsCACerts [2], onlySomeReasons [3], indirectCRL [4],
 * onlyContainsAttributeCerts [5] }: covers a server leaf fetched from `url` when nothing narrows it
 * and its fullName, if any, lists the URL.
 */
function idpCovers(value: Uint8Array, url: string): boolean {
  const fields = children(value, expectTlv(value, 0, TAG.sequence));
  if (fields.some((f) => NARROWING_IDP_TAGS.has(f.tag) && !(f.end - f.contentStart === 1 && value[f.contentStart] === 0))) return false;
  const point = fields.find((f) => f.tag === 0xa0);
  const fullName = point && children(value, point).find((f) => f.tag === 0xa0);
  if (!fullName) return true;
  const uris = children(value, fullName).flatMap((g) => (g.tag === 0x86 ? [Buffer.from(content(value, g)).toString('latin1')] : []));
  return uris.length === 0 || uris.includes(url);
}

function need(tlv: Tlv | undefined): Tlv {
  if (!tlv) throw new Error('truncated TBSCertList');
  return tlv;
}

function algorithmOid(der: Uint8Array, alg: Tlv): string {
  if (alg.tag !== TAG.sequence) throw new Error('bad AlgorithmIdentifier');
  return readOid(der, need(children(der, alg)[0]));
}

/** The reasonCode entry extension (RFC 5280 §5.3.1), by its name; null when absent. */
function reasonCode(der: Uint8Array, extensions: Tlv): string | null {
  for (const ext of children(der, extensions)) {
    const parts = children(der, ext);
    if (readOid(der, need(parts[0])) !== REASON_CODE) continue;
    const value = need(parts[parts.length - 1]);
    const inner = content(der, value);
    const e = expectTlv(inner, 0, TAG_ENUMERATED);
    if (e.end - e.contentStart !== 1) throw new Error('bad reasonCode');
    const code = inner[e.contentStart]!;
    return CRLReasons[code] ?? String(code);
  }
  return null;
}

function signedBy(crl: ParsedCrl, issuer: CertFields): boolean {
  if (!(crl.signatureAlgorithm in SIGNATURE_DIGESTS)) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(issuer.spki), format: 'der', type: 'spki' });
    return verify(SIGNATURE_DIGESTS[crl.signatureAlgorithm] ?? null, crl.tbs, key, crl.signature);
  } catch {
    return false;
  }
}
