// The CRL download (RFC 5280 §4.2.1.13: an http URI names a DER CertificateList), made when OCSP
// gave no answer. Same plain-HTTP exchange as the caIssuers and OCSP downloads, with room for a
// large CA's CRL.
import { EncscanError } from '../../engine/errors.js';
import type { PkiFetchTarget } from './pki-fetch.js';
import { plainHttp } from './plain-http.js';

/** Let's Encrypt shards its CRLs to well under 1 MiB; a body beyond this is refused, not truncated. */
export const MAX_CRL_BYTES = 8 * 1024 * 1024;

/** The DER CRL at the URL. Throws EncscanError. */
export async function fetchCrl(t: PkiFetchTarget): Promise<Uint8Array> {
  const res = await plainHttp({ ...t, maxBytes: MAX_CRL_BYTES, accept: 'application/pkix-crl, */*' });
  if (res.status !== 200) throw new EncscanError('ENCSCAN_HTTP', `${t.url.href}: HTTP ${res.status}`);
  return res.body;
}
