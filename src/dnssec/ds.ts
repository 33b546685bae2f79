// DS digests of DNSKEYs and DS ↔ DNSKEY matching (RFC 4034 §5.1.4, RFC 4509, RFC 6605 §2).
import { createHash } from 'node:crypto';
import { compareBytes } from '../codec/bytes.js';
import { keyTag } from './key-tag.js';
import { type Name, nameToWire } from './name.js';
import { type Ds, decodeDnskey } from './rdata.js';

/** node:crypto digests for DS digest types 1, 2 and 4; 3 (GOST R 34.11-94) is not implemented. */
const DIGESTS = new Map<number, string>([
  [1, 'sha1'],
  [2, 'sha256'],
  [4, 'sha384'],
]);

export function canDigest(digestType: number): boolean {
  return DIGESTS.has(digestType);
}

/** digest = H(canonical owner name | DNSKEY RDATA), or undefined for an unimplemented digest type. */
export function dsDigest(owner: Name, dnskeyRdata: Uint8Array, digestType: number): Uint8Array | undefined {
  const hash = DIGESTS.get(digestType);
  if (!hash) return undefined;
  return createHash(hash).update(nameToWire(owner, true)).update(dnskeyRdata).digest();
}

export type DsMatch = 'match' | 'key-tag-mismatch' | 'algorithm-mismatch' | 'digest-mismatch' | 'unsupported-digest-type';

/** Whether a DS record designates a DNSKEY (owned by `owner`, the DS owner). */
export function matchDs(ds: Ds, owner: Name, dnskeyRdata: Uint8Array): DsMatch {
  if (ds.keyTag !== keyTag(dnskeyRdata)) return 'key-tag-mismatch';
  if (ds.algorithm !== decodeDnskey(dnskeyRdata).algorithm) return 'algorithm-mismatch';
  const digest = dsDigest(owner, dnskeyRdata, ds.digestType);
  if (!digest) return 'unsupported-digest-type';
  return compareBytes(digest, ds.digest) === 0 ? 'match' : 'digest-mismatch';
}
