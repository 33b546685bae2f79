// OCSP response judging (RFC 6960 §3.2, §4.2): the SingleResponse for our certificate, its
// validity window, and a signature by the issuer or by a responder the issuer delegated to
// (id-kp-OCSPSigning, issued directly by it). Never throws: what is wrong becomes an error code.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { BasicOCSPResponse, OCSPResponse, OCSPResponseStatus, id_kp_OCSPSigning, id_pkix_ocsp_basic, type SingleResponse } from '@peculiar/asn1-ocsp';
import { CRLReasons } from '@peculiar/asn1-x509';
import type { OcspEvidence } from '../evidence/certificate.js';
import { parseCertificate, type CertFields } from './cert-fields.js';
import { toHex } from './der.js';
import { issuerHashes, publicKeyBits } from './ocsp-request.js';
import { SCT_LIST_OCSP_EXTENSION, parseSctExtension, type SctEntry } from './sct-list.js';
import { verifySignature } from './verify-signature.js';
import { SIGNATURE_DIGESTS } from './signature-digests.js';

/** Stable codes for OcspEvidence.errors. */
export const OCSP_ERRORS = [
  'malformed', // not an OCSP response, or not a basic one
  'not-successful', // responseStatus other than successful
  'no-matching-response', // no SingleResponse for this certificate
  'unknown-signer', // neither the issuer nor a certificate it delegated to
  'bad-signature',
  'not-yet-valid', // thisUpdate in the future
  'expired', // nextUpdate in the past
] as const;
export type OcspError = (typeof OCSP_ERRORS)[number];

export type OcspJudgement = Omit<OcspEvidence, 'source' | 'url'> & { scts: SctEntry[] };

/** Delegated-responder certificates looked at; responders send one. */
const MAX_CERTS = 4;

export async function judgeOcspResponse(der: Uint8Array, cert: CertFields, issuer: CertFields, now: Date): Promise<OcspJudgement> {
  const out: OcspJudgement = {
    responseStatus: 'malformed',
    certStatus: null,
    producedAt: null,
    thisUpdate: null,
    nextUpdate: null,
    revocationTime: null,
    revocationReason: null,
    signer: null,
    errors: [],
    scts: [],
  };
  let basic: BasicOCSPResponse;
  try {
    const response = AsnConvert.parse(der, OCSPResponse);
    out.responseStatus = OCSPResponseStatus[response.responseStatus] ?? String(response.responseStatus);
    if (response.responseStatus !== OCSPResponseStatus.successful) return { ...out, errors: ['not-successful'] };
    if (response.responseBytes?.responseType !== id_pkix_ocsp_basic) return { ...out, errors: ['malformed'] };
    basic = AsnConvert.parse(response.responseBytes.response, BasicOCSPResponse);
  } catch {
    return { ...out, responseStatus: 'malformed', errors: ['malformed'] };
  }
  const data = basic.tbsResponseData;
  out.producedAt = iso(data.producedAt);
  const single = data.responses.find((r) => matches(r, cert, issuer));
  const errors = new Set<OcspError>();
  if (!single) errors.add('no-matching-response');
  else {
    out.thisUpdate = iso(single.thisUpdate);
    out.nextUpdate = single.nextUpdate ? iso(single.nextUpdate) : null;
    const status = single.certStatus;
    out.certStatus = status.revoked ? 'revoked' : status.unknown !== undefined ? 'unknown' : 'good';
    if (status.revoked) {
      out.revocationTime = iso(status.revoked.revocationTime);
      const reason = status.revoked.revocationReason?.reason;
      out.revocationReason = reason === undefined ? null : (CRLReasons[reason] ?? String(reason));
    }
    if (single.thisUpdate > now) errors.add('not-yet-valid');
    if (single.nextUpdate && single.nextUpdate < now) errors.add('expired');
    out.scts = stapledScts(single);
  }
  const signer = await findSigner(basic, issuer);
  if (!signer) errors.add('unknown-signer');
  else if (!signedBy(basic, signer.cert)) errors.add('bad-signature');
  else out.signer = signer.kind;
  out.errors = OCSP_ERRORS.filter((e) => errors.has(e));
  return out;
}

function iso(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function matches(r: SingleResponse, cert: CertFields, issuer: CertFields): boolean {
  const id = r.certID;
  const hashes = issuerHashes(issuer, id.hashAlgorithm.algorithm);
  return (
    hashes !== null &&
    toHex(new Uint8Array(id.serialNumber)).replace(/^00(?=.)/, '') === cert.serial &&
    toHex(new Uint8Array(id.issuerNameHash.buffer)) === hashes.name &&
    toHex(new Uint8Array(id.issuerKeyHash.buffer)) === hashes.key
  );
}

function stapledScts(r: SingleResponse): SctEntry[] {
  const ext = r.singleExtensions?.find((e) => e.extnID === SCT_LIST_OCSP_EXTENSION);
  if (!ext) return [];
  try {
    return parseSctExtension(new Uint8Array(ext.extnValue.buffer));
  } catch {
    return [];
  }
}

/** The certificate whose key should have signed: the issuer, or a delegate it issued (RFC 6960 §4.2.2.2). */
async function findSigner(basic: BasicOCSPResponse, issuer: CertFields): Promise<{ kind: 'issuer' | 'delegated'; cert: CertFields } | null> {
  const id = basic.tbsResponseData.responderID;
  const named = (c: CertFields): boolean => {
    if (!id.byName) return id.byKey !== undefined && toHex(new Uint8Array(id.byKey.buffer)) === createHash('sha1').update(publicKeyBits(c)).digest('hex');
    try {
      return Buffer.from(AsnConvert.serialize(id.byName)).equals(c.subject);
    } catch {
      return false; // a name whose values do not re-encode (a string as a UTCTime) names no certificate
    }
  };
  if (named(issuer)) return { kind: 'issuer', cert: issuer };
  for (const raw of (basic.certs ?? []).slice(0, MAX_CERTS)) {
    let delegate: CertFields;
    try {
      delegate = parseCertificate(new Uint8Array(AsnConvert.serialize(raw)));
    } catch {
      continue;
    }
    if (!named(delegate) || delegate.issuerHex !== issuer.subjectHex) continue;
    if (!delegate.extKeyUsage?.includes(id_kp_OCSPSigning)) continue;
    if ((await verifySignature(delegate, issuer)) === 'ok') return { kind: 'delegated', cert: delegate };
  }
  return null;
}

function signedBy(basic: BasicOCSPResponse, signer: CertFields): boolean {
  const alg = basic.signatureAlgorithm.algorithm;
  if (!(alg in SIGNATURE_DIGESTS) || !basic.tbsResponseDataRaw) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(signer.spki), format: 'der', type: 'spki' });
    return verify(SIGNATURE_DIGESTS[alg] ?? null, new Uint8Array(basic.tbsResponseDataRaw), key, new Uint8Array(basic.signature));
  } catch {
    return false;
  }
}
