// DNSKEY key tags (RFC 4034 Appendix B).

/** The key tag of a DNSKEY RDATA; algorithm 1 uses the modulus octets instead (Appendix B.1). */
export function keyTag(dnskeyRdata: Uint8Array): number {
  if (dnskeyRdata[3] === 1) {
    const n = dnskeyRdata.length;
    return n < 7 ? 0 : (dnskeyRdata[n - 3]! << 8) | dnskeyRdata[n - 2]!;
  }
  let acc = 0;
  for (let i = 0; i < dnskeyRdata.length; i++) acc += i & 1 ? dnskeyRdata[i]! : dnskeyRdata[i]! << 8;
  acc += (acc >>> 16) & 0xffff;
  return acc & 0xffff;
}
