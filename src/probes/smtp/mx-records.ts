// MX RDATA (RFC 1035 §3.3.9) as the DNSSEC validator hands it over: preference, then the exchange
// name uncompressed. A null MX (RFC 7505) is one record with exchange ".".

export interface MxRecord {
  preference: number;
  /** Lowercase, no trailing dot; "." for the root (null MX). */
  exchange: string;
}

export function decodeMx(rdata: Uint8Array): MxRecord | null {
  if (rdata.length < 3) return null;
  const labels: string[] = [];
  let off = 2;
  for (;;) {
    const len = rdata[off];
    if (len === undefined || len > 63 || off + 1 + len > rdata.length) return null;
    if (len === 0) break;
    labels.push(Buffer.from(rdata.subarray(off + 1, off + 1 + len)).toString('latin1').toLowerCase());
    off += 1 + len;
  }
  return { preference: (rdata[0]! << 8) | rdata[1]!, exchange: labels.length === 0 ? '.' : labels.join('.') };
}

/** RFC 7505 §3: a single MX with exchange "." says the domain accepts no mail. */
export function isNullMx(records: readonly MxRecord[]): boolean {
  return records.length === 1 && records[0]!.exchange === '.';
}
