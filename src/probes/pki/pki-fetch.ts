// The two PKI downloads a scan may make for an endpoint: the issuer certificate(s) a caIssuers
// URL names, and an OCSP response (RFC 6960 Appendix A.1: POST of application/ocsp-request).
import type { Connector } from '../../engine/connector.js';
import { EncscanError } from '../../engine/errors.js';
import { plainHttp } from './plain-http.js';

export interface PkiFetchTarget {
  url: URL;
  address: string;
  connector: Connector;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** An intermediate is ~1.5 KiB and a PKCS#7 bundle a few; OCSP responses are smaller still. */
export const MAX_PKI_BODY_BYTES = 64 * 1024;

/** The caIssuers body (DER, PKCS#7 or PEM, decoded by src/pki/ca-issuers.ts). Throws EncscanError. */
export async function fetchCaIssuers(t: PkiFetchTarget): Promise<Uint8Array> {
  const res = await plainHttp({ ...t, maxBytes: MAX_PKI_BODY_BYTES, accept: 'application/pkix-cert, application/pkcs7-mime, */*' });
  return okBody(res.status, res.body, t.url);
}

/** The responder's answer to one DER OCSP request. Throws EncscanError. */
export async function askOcspResponder(t: PkiFetchTarget, request: Uint8Array): Promise<Uint8Array> {
  const res = await plainHttp({
    ...t,
    maxBytes: MAX_PKI_BODY_BYTES,
    accept: 'application/ocsp-response',
    post: { contentType: 'application/ocsp-request', body: request },
  });
  return okBody(res.status, res.body, t.url);
}

function okBody(status: number, body: Uint8Array, url: URL): Uint8Array {
  if (status !== 200) throw new EncscanError('ENCSCAN_HTTP', `${url.href}: HTTP ${status}`);
  return body;
}
