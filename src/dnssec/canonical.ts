// Canonical RR and RRset forms for signatures (RFC 4034 §6.2, §6.3; RFC 4035 §5.3.2).
import { compareBytes, concatBytes, u16be, u32be } from '../codec/bytes.js';
import { DecodeError } from '../engine/errors.js';
import { type Name, nameToWire } from './name.js';
import type { Rrsig } from './rdata.js';
import { rewriteRdataNames } from './rdata-names.js';
import { dnsReader } from './reader.js';

/** RDATA with embedded names case-folded for the types RFC 4034 §6.2 item 3 lists (less NSEC, RRSIG). */
export function canonicalRdata(type: number, rdata: Uint8Array): Uint8Array {
  return rewriteRdataNames(type, dnsReader(rdata), { lower: true });
}

/** Canonical RDATAs of an RRset: case-folded, sorted (RFC 4034 §6.3) and without duplicates. */
export function canonicalRdataSet(type: number, rdatas: readonly Uint8Array[]): Uint8Array[] {
  const sorted = rdatas.map((rd) => canonicalRdata(type, rd)).sort(compareBytes);
  return sorted.filter((rd, i) => i === 0 || compareBytes(rd, sorted[i - 1]!) !== 0);
}

/**
 * The owner name the signature covers (RFC 4035 §5.3.2): the owner itself, or, when the RRSIG Labels
 * field is smaller than the owner's label count, `*.` plus its rightmost Labels labels (a wildcard
 * expansion). Throws DecodeError when Labels exceeds the owner's label count.
 */
export function signedOwner(owner: Name, labels: number): Name {
  if (labels > owner.length) throw new DecodeError(`RRSIG labels ${labels} exceed the ${owner.length} labels of the owner`);
  if (labels === owner.length) return owner;
  return [Uint8Array.of(0x2a), ...owner.slice(owner.length - labels)];
}

export interface RrsetInput {
  owner: Name;
  type: number;
  class: number;
  rdatas: readonly Uint8Array[];
}

/**
 * The data an RRSIG signs (RFC 4034 §3.1.8.1): the RRSIG RDATA without the signature, with the signer
 * name case-folded, then each RR of the canonical RRset with the owner case-folded (wildcard owner
 * restored), the RRSIG's original TTL, and canonical RDATA in canonical order.
 */
export function signedData(rrsig: Rrsig, rrset: RrsetInput): Uint8Array {
  const prefix = rrsig.signedPrefix.subarray(0, 18);
  const head = concatBytes([nameToWire(signedOwner(rrset.owner, rrsig.labels), true), u16be(rrset.type), u16be(rrset.class), u32be(rrsig.originalTtl)]);
  const parts: Uint8Array[] = [prefix, nameToWire(rrsig.signerName, true)];
  for (const rd of canonicalRdataSet(rrset.type, rrset.rdatas)) parts.push(head, u16be(rd.length), rd);
  return concatBytes(parts);
}
