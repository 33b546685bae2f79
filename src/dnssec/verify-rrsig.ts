// RRSIG verification (RFC 4035 §5.3): the RRSIG's own checks, then the signature with node:crypto.
import { compareBytes } from '../codec/bytes.js';
import { type AlgorithmOptions, algorithmPolicy } from './algorithms.js';
import { type RrsetInput, signedData } from './canonical.js';
import { verifySignature } from './crypto-keys.js';
import { keyTag } from './key-tag.js';
import { type Name, isAtOrBelow, namesEqual, rrsigLabelCount } from './name.js';
import { DNSKEY_REVOKE, DNSKEY_ZONE, type Rrsig, decodeDnskey } from './rdata.js';
import { RR } from './rr-types.js';
import { validityWindow } from './serial-time.js';

export interface VerifyOptions extends AlgorithmOptions {
  /** The validation clock as a 32-bit serial time (seconds since the epoch modulo 2^32). */
  now: number;
}

export type RrsigOutcome =
  | 'valid'
  | 'type-mismatch'
  | 'rrsig-labels-invalid'
  | 'signer-not-ancestor'
  | 'signer-mismatch'
  | 'algorithm-mismatch'
  | 'key-tag-mismatch'
  | 'bad-key-protocol'
  | 'not-zone-key'
  | 'key-revoked'
  | 'unsupported-algorithm'
  | 'signature-not-yet-valid'
  | 'signature-expired'
  | 'malformed-key'
  | 'malformed-signature'
  | 'bad-signature';

export interface DnskeyRecord {
  owner: Name;
  rdata: Uint8Array;
}

/**
 * Verifies one RRSIG over an RRset with one DNSKEY. The first failing check decides the outcome:
 * structure (RFC 4035 §5.3.1), key flags (RFC 4034 §2.1.1, RFC 5011 §2.1: a revoked key signs only
 * its DNSKEY RRset), algorithm policy, the validity window, then the signature itself.
 * Throws DecodeError only when the DNSKEY RDATA is shorter than its fixed fields.
 */
export function verifyRrsig(rrset: RrsetInput, rrsig: Rrsig, dnskey: DnskeyRecord, opts: VerifyOptions): RrsigOutcome {
  if (rrsig.typeCovered !== rrset.type) return 'type-mismatch';
  if (rrsig.labels > rrsigLabelCount(rrset.owner)) return 'rrsig-labels-invalid';
  if (!isAtOrBelow(rrset.owner, rrsig.signerName)) return 'signer-not-ancestor';
  if (!namesEqual(rrsig.signerName, dnskey.owner)) return 'signer-mismatch';
  const key = decodeDnskey(dnskey.rdata);
  if (key.algorithm !== rrsig.algorithm) return 'algorithm-mismatch';
  if (keyTag(dnskey.rdata) !== rrsig.keyTag) return 'key-tag-mismatch';
  if (key.protocol !== 3) return 'bad-key-protocol';
  if ((key.flags & DNSKEY_ZONE) === 0) return 'not-zone-key';
  if (key.flags & DNSKEY_REVOKE && !signsOwnKeySet(rrset, dnskey)) return 'key-revoked';
  if (!algorithmPolicy(rrsig.algorithm, opts).validate) return 'unsupported-algorithm';
  const window = validityWindow(opts.now, rrsig.inception, rrsig.expiration);
  if (window === 'not-yet-valid') return 'signature-not-yet-valid';
  if (window === 'expired') return 'signature-expired';
  return verifySignature(rrsig.algorithm, key.publicKey, signedData(rrsig, rrset), rrsig.signature, opts.legacyAlgorithms === true);
}

/** A revoked key may only sign the DNSKEY RRset that holds it (RFC 5011 §2.1). */
function signsOwnKeySet(rrset: RrsetInput, dnskey: DnskeyRecord): boolean {
  return rrset.type === RR.DNSKEY && namesEqual(rrset.owner, dnskey.owner) && rrset.rdatas.some((rd) => compareBytes(rd, dnskey.rdata) === 0);
}

export interface RrsigResult {
  rrsig: Rrsig;
  /** The outcome with the best-matching key: `valid` if any key verifies, else the first key's outcome. */
  outcome: RrsigOutcome | 'no-matching-key';
}

export type RrsetStatus = 'secure' | 'bogus' | 'unsupported';

export interface RrsetVerification {
  status: RrsetStatus;
  results: RrsigResult[];
}

/**
 * Verifies an RRset against its RRSIGs and the zone's DNSKEYs. Secure when one RRSIG is valid
 * (RFC 4035 §5.3.3) or, with `requireAlgorithms`, when every listed algorithm that policy validates
 * has a valid RRSIG (the per-algorithm rule of RFC 4035 §2.2 that protects against downgrades).
 * Unsupported when no RRSIG (or required algorithm) uses an algorithm policy validates (RFC 4035 §5.2).
 */
export function verifyRrset(
  rrset: RrsetInput,
  rrsigs: readonly Rrsig[],
  dnskeys: readonly DnskeyRecord[],
  opts: VerifyOptions & { requireAlgorithms?: readonly number[] },
): RrsetVerification {
  const results = rrsigs.map((rrsig): RrsigResult => {
    const candidates = dnskeys.filter((k) => k.rdata.length >= 4 && k.rdata[3] === rrsig.algorithm && keyTag(k.rdata) === rrsig.keyTag);
    const outcomes = candidates.map((k) => verifyRrsig(rrset, rrsig, k, opts));
    return { rrsig, outcome: outcomes.includes('valid') ? 'valid' : (outcomes[0] ?? 'no-matching-key') };
  });
  const validated = (alg: number): boolean => algorithmPolicy(alg, opts).validate;
  const validAlgorithms = new Set(results.filter((r) => r.outcome === 'valid').map((r) => r.rrsig.algorithm));
  const considered = opts.requireAlgorithms ? [...new Set(opts.requireAlgorithms)] : [...new Set(rrsigs.map((s) => s.algorithm))];
  const wanted = considered.filter(validated);
  if (wanted.length === 0 && considered.length > 0) return { status: 'unsupported', results };
  const secure = opts.requireAlgorithms ? wanted.every((a) => validAlgorithms.has(a)) : validAlgorithms.size > 0;
  return { status: secure ? 'secure' : 'bogus', results };
}
