// Where domain names sit inside RDATA, for the types whose names are expanded when read from a
// message (RFC 3597 §4) and case-folded in canonical form (RFC 4034 §6.2 item 3 as corrected by
// RFC 6840 §5.1, which removes NSEC and RRSIG; A6 is historic and left out).
import type { ByteReader } from '../codec/byte-reader.js';
import { concatBytes } from '../codec/bytes.js';
import { nameToWire, readName } from './name.js';

/** A fixed run of octets, a domain name, or a <character-string>. */
type Field = number | 'name' | 'string';

const LAYOUTS = new Map<number, readonly Field[]>([
  [2, ['name']], // NS
  [3, ['name']], // MD
  [4, ['name']], // MF
  [5, ['name']], // CNAME
  [6, ['name', 'name']], // SOA (the five counters follow)
  [7, ['name']], // MB
  [8, ['name']], // MG
  [9, ['name']], // MR
  [12, ['name']], // PTR
  [14, ['name', 'name']], // MINFO
  [15, [2, 'name']], // MX
  [17, ['name', 'name']], // RP
  [18, [2, 'name']], // AFSDB
  [21, [2, 'name']], // RT
  [24, [18, 'name']], // SIG
  [26, [2, 'name', 'name']], // PX
  [30, ['name']], // NXT
  [33, [6, 'name']], // SRV
  [35, [4, 'string', 'string', 'string', 'name']], // NAPTR
  [36, [2, 'name']], // KX
  [39, ['name']], // DNAME
]);

/**
 * Rewrites RDATA of a listed type with its names uncompressed (`message` given: pointers followed
 * in it) and optionally case-folded. Other types come back unchanged.
 */
export function rewriteRdataNames(type: number, r: ByteReader, opts: { message?: Uint8Array; lower: boolean }): Uint8Array {
  const layout = LAYOUTS.get(type);
  if (!layout) return r.rest();
  const parts: Uint8Array[] = [];
  for (const field of layout) {
    if (field === 'name') parts.push(nameToWire(readName(r, opts.message), opts.lower));
    else if (field === 'string') {
      const len = r.u8('character-string length');
      parts.push(Uint8Array.of(len), r.take(len, 'character-string'));
    } else parts.push(r.take(field, 'RDATA fixed field'));
  }
  parts.push(r.rest());
  return concatBytes(parts);
}
