// A SerializedSCT from the signed_certificate_timestamp extension (RFC 6962 §3.2): version (1 byte),
// log id (32), timestamp (8, milliseconds). Only those are read; the rest stays in the base64 copy.
import type { TlsSct } from '../../evidence/tls.js';

const V1 = 0;
const HEADER = 1 + 32 + 8;

export function parseSct(sct: Uint8Array): TlsSct {
  const raw = Buffer.from(sct).toString('base64');
  if (sct.length < HEADER || sct[0] !== V1) return { logId: null, timestamp: null, sct: raw };
  const timestamp = Buffer.from(sct.subarray(33, 41)).readBigUInt64BE();
  return {
    logId: Buffer.from(sct.subarray(1, 33)).toString('base64'),
    timestamp: timestamp <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(timestamp) : null,
    sct: raw,
  };
}
