// The lab's OCSP responder logic (RFC 6960): answers for certificates of the lab intermediate,
// signed by the intermediate itself (no delegated responder), "revoked" for the serials it is told.
// The intermediate's CRL (RFC 5280 §5) lists the same serials.
import { KeyObject, sign } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  BasicOCSPResponse,
  CertID,
  CertStatus,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  ResponderID,
  ResponseBytes,
  ResponseData,
  RevokedInfo,
  SingleResponse,
  id_pkix_ocsp_basic,
} from '@peculiar/asn1-ocsp';
import { AlgorithmIdentifier, CRLReason, CRLReasons, Name } from '@peculiar/asn1-x509';
import { parseCertificate } from '../pki/cert-fields.js';
import { toHex } from '../pki/der.js';
import { buildOcspRequest } from '../pki/ocsp-request.js';
import { x509 } from '../pki/x509.js';
import type { LabPki } from './pki.js';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const HOUR = 3_600_000;

export interface LabOcspResponder {
  /** A DER OCSPResponse for a DER OCSPRequest (malformedRequest when it does not decode). */
  answer(request: Uint8Array): Uint8Array;
  /** A response for one lab leaf, to staple. */
  staple(leafDer: Uint8Array): Uint8Array;
  /** From now on the responder calls this leaf revoked (key compromise, an hour ago). */
  revoke(leafDer: Uint8Array): void;
  /** The intermediate's current DER CRL, listing the leaves revoked so far. */
  crl(): Promise<Uint8Array>;
}

export function labOcspResponder(pki: LabPki, now: Date): LabOcspResponder {
  const revoked = new Set<string>();
  const signingKey = KeyObject.from(pki.intermediateKey.privateKey);
  const responderName = AsnConvert.parse(parseCertificate(pki.intermediateDer).subject, Name);
  const respond = (certId: CertID): Uint8Array => {
    const serial = toHex(new Uint8Array(certId.serialNumber)).replace(/^00(?=.)/, '');
    const certStatus = revoked.has(serial)
      ? new CertStatus({ revoked: new RevokedInfo({ revocationTime: new Date(now.getTime() - HOUR), revocationReason: new CRLReason(CRLReasons.keyCompromise) }) })
      : new CertStatus({ good: null });
    const tbs = new ResponseData({
      responderID: new ResponderID({ byName: responderName }),
      producedAt: now,
      responses: [new SingleResponse({ certID: certId, certStatus, thisUpdate: new Date(now.getTime() - HOUR), nextUpdate: new Date(now.getTime() + 72 * HOUR) })],
    });
    const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
    const basic = new BasicOCSPResponse({
      tbsResponseData: tbs,
      signatureAlgorithm: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
      signature: new Uint8Array(sign('sha256', tbsDer, signingKey)).buffer,
    });
    return encode(OCSPResponseStatus.successful, basic);
  };
  return {
    answer(request) {
      try {
        const certId = AsnConvert.parse(request, OCSPRequest).tbsRequest.requestList[0]?.reqCert;
        if (!certId) return encode(OCSPResponseStatus.malformedRequest);
        return respond(certId);
      } catch {
        return encode(OCSPResponseStatus.malformedRequest);
      }
    },
    staple(leafDer) {
      const request = buildOcspRequest(parseCertificate(leafDer), parseCertificate(pki.intermediateDer));
      return respond(AsnConvert.parse(request, OCSPRequest).tbsRequest.requestList[0]!.reqCert);
    },
    revoke(leafDer) {
      revoked.add(parseCertificate(leafDer).serial);
    },
    async crl() {
      const crl = await x509.X509CrlGenerator.create({
        issuer: new x509.X509Certificate(pki.intermediateDer).subjectName,
        signingKey: pki.intermediateKey.privateKey,
        signingAlgorithm: pki.intermediateKey.algorithm,
        thisUpdate: new Date(now.getTime() - HOUR),
        nextUpdate: new Date(now.getTime() + 7 * 24 * HOUR),
        entries: [...revoked].map((serialNumber) => ({ serialNumber, revocationDate: new Date(now.getTime() - HOUR), reason: x509.X509CrlReason.keyCompromise })),
      });
      return new Uint8Array(crl.rawData);
    },
  };
}

function encode(status: OCSPResponseStatus, basic?: BasicOCSPResponse): Uint8Array {
  const responseBytes = basic ? new ResponseBytes({ responseType: id_pkix_ocsp_basic, response: new OctetString(AsnConvert.serialize(basic)) }) : undefined;
  return new Uint8Array(AsnConvert.serialize(new OCSPResponse({ responseStatus: status, ...(responseBytes ? { responseBytes } : {}) })));
}
