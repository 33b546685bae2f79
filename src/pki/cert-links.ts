// What a leaf says about its own revocation and transparency: AIA caIssuers and OCSP URLs
// (RFC 5280 §4.2.2.1), http CRL distribution points (§4.2.1.13), the TLS feature extension asking for a staple (RFC 7633) and embedded
// SCTs (RFC 6962 §3.3). Each part that does not decode is left empty and named in `malformed`.
import { TAG, children, expectTlv, readSmallInt } from './der.js';
import { SCT_LIST_EXTENSION, parseSctExtension, type SctEntry } from './sct-list.js';
import { x509 } from './x509.js';

export const TLS_FEATURE_EXTENSION = '1.3.6.1.5.5.7.1.24';
/** TLS extension type status_request (RFC 6066 §8): its presence in the TLS feature list is "must-staple". */
const STATUS_REQUEST = 5;
/** URLs kept per access method; a certificate names one or two. */
const MAX_URLS = 4;

export interface CertLinks {
  caIssuers: string[];
  ocsp: string[];
  /** http fullName URIs of distribution points the issuer itself signs for (no cRLIssuer, no reasons subset). */
  crl: string[];
  mustStaple: boolean;
  scts: SctEntry[];
  malformed: string[];
}

export function certificateLinks(der: Uint8Array): CertLinks {
  const out: CertLinks = { caIssuers: [], ocsp: [], crl: [], mustStaple: false, scts: [], malformed: [] };
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(der);
  } catch {
    out.malformed.push('certificate');
    return out;
  }
  const guarded = (oid: string, read: () => void): void => {
    try {
      read();
    } catch {
      out.malformed.push(oid);
    }
  };
  guarded(x509.AuthorityInfoAccessExtension.NAME, () => {
    const aia = cert.getExtension(x509.AuthorityInfoAccessExtension);
    if (!aia) return;
    out.caIssuers = uris(aia.caIssuers);
    out.ocsp = uris(aia.ocsp);
  });
  guarded(x509.CRLDistributionPointsExtension.NAME, () => {
    const dps = cert.getExtension(x509.CRLDistributionPointsExtension)?.distributionPoints ?? [];
    // Indirect and partial CRLs (RFC 5280 §5.2.5) would need the scope checks encscan does not make.
    const urls = dps.flatMap((dp) => (dp.cRLIssuer || dp.reasons ? [] : (dp.distributionPoint?.fullName ?? [])));
    out.crl = urls.flatMap((n) => (/^http:\/\//i.test(n.uniformResourceIdentifier ?? '') ? [n.uniformResourceIdentifier!] : [])).slice(0, MAX_URLS);
  });
  guarded(TLS_FEATURE_EXTENSION, () => {
    const ext = cert.getExtension(TLS_FEATURE_EXTENSION);
    if (ext) out.mustStaple = tlsFeatures(new Uint8Array(ext.value)).includes(STATUS_REQUEST);
  });
  guarded(SCT_LIST_EXTENSION, () => {
    const ext = cert.getExtension(SCT_LIST_EXTENSION);
    if (ext) out.scts = parseSctExtension(new Uint8Array(ext.value));
  });
  return out;
}

function uris(names: x509.GeneralName[]): string[] {
  return names.flatMap((n) => (n.type === 'url' ? [n.value] : [])).slice(0, MAX_URLS);
}

/** Features ::= SEQUENCE OF INTEGER (RFC 7633 §6). */
function tlsFeatures(value: Uint8Array): number[] {
  const seq = expectTlv(value, 0, TAG.sequence);
  return children(value, seq).map((t) => readSmallInt(value, t));
}
