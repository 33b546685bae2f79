// SignedCertificateTimestampList (RFC 6962 §3.3): the same TLS-encoded list sits in a certificate
// extension, in an OCSP response extension (both wrapped in an OCTET STRING) and in the TLS
// signed_certificate_timestamp extension. Only what a report needs is read: log id and time.
import { DecodeError } from '../engine/errors.js';
import { TAG, expectTlv, toHex } from './der.js';

export interface SctEntry {
  version: number;
  /** SHA-256 of the log's public key, hex. */
  logId: string;
  /** null when the value is no valid date. */
  timestamp: string | null;
}

/** Embedded in certificates (precertificate SCTs, RFC 6962 §3.3). */
export const SCT_LIST_EXTENSION = '1.3.6.1.4.1.11129.2.4.2';
/** In an OCSP SingleResponse's extensions (RFC 6962 §3.3). */
export const SCT_LIST_OCSP_EXTENSION = '1.3.6.1.4.1.11129.2.4.5';

/** No real certificate carries more; a hostile list cannot make the report large. */
const MAX_SCTS = 64;

/** The raw TLS-encoded list. Throws DecodeError on truncated or overlong input. */
export function parseSctList(bytes: Uint8Array): SctEntry[] {
  const fail = (what: string): never => {
    throw new DecodeError(`SCT list: ${what}`);
  };
  if (bytes.length < 2) fail('truncated');
  const listEnd = 2 + ((bytes[0]! << 8) | bytes[1]!);
  if (listEnd !== bytes.length) fail('length does not match');
  const out: SctEntry[] = [];
  for (let off = 2; off < listEnd; ) {
    if (off + 2 > listEnd) fail('truncated entry length');
    const end = off + 2 + ((bytes[off]! << 8) | bytes[off + 1]!);
    if (end > listEnd) fail('entry overruns the list');
    const sct = bytes.subarray(off + 2, end);
    // version (1) + log id (32) + timestamp (8) + extensions length (2) at least.
    if (sct.length < 43) fail('entry too short');
    const ms = Number(Buffer.from(sct.subarray(33, 41)).readBigUInt64BE());
    const time = new Date(ms);
    if (out.length < MAX_SCTS) {
      out.push({ version: sct[0]!, logId: toHex(sct.subarray(1, 33)), timestamp: Number.isNaN(time.getTime()) ? null : time.toISOString() });
    }
    off = end;
  }
  return out;
}

/** The list inside an X.509 or OCSP extension value (an OCTET STRING holding the TLS encoding). */
export function parseSctExtension(extnValue: Uint8Array): SctEntry[] {
  const inner = expectTlv(extnValue, 0, TAG.octetString);
  if (inner.end !== extnValue.length) throw new DecodeError('SCT list: trailing bytes');
  return parseSctList(extnValue.subarray(inner.contentStart, inner.end));
}
