// Judges one RRset taken from a response against the DNSKEYs of the zone that must have signed it, and
// words the first broken link as a sentence ("RRSIG over x./A by key 123 expired on 2026-01-03").
import { DecodeError } from '../engine/errors.js';
import { type Name, nameToString, namesEqual } from './name.js';
import { type Rrsig, decodeRrsig } from './rdata.js';
import type { ChainProblem, ReasonCode } from './reasons.js';
import { RR, typeName } from './rr-types.js';
import { type RrsigResult, type VerifyOptions, verifyRrset } from './verify-rrsig.js';
import type { WireRr } from './wire.js';

export type RrsetJudgement =
  | {
      status: 'secure';
      /** Labels field of the valid RRSIG closest to the owner: fewer than the owner's means wildcard expansion. */
      labels: number;
      /** The algorithms of the RRSIGs that verified. */
      algorithms: number[];
      notes: ChainProblem[];
    }
  | { status: 'insecure'; problem?: ChainProblem }
  | { status: 'bogus'; problem: ChainProblem };

const OUTCOME_CODES: Partial<Record<RrsigResult['outcome'], ReasonCode>> = {
  'signature-expired': 'EXPIRATION_IN_PAST',
  'signature-not-yet-valid': 'INCEPTION_IN_FUTURE',
  'no-matching-key': 'RRSIG_NO_DNSKEY',
  'signer-mismatch': 'SIGNER_NOT_ZONE',
  'signer-not-ancestor': 'SIGNER_NOT_ZONE',
  'rrsig-labels-invalid': 'RRSIG_LABELS_EXCEED_RRSET_OWNER_LABELS',
  'key-revoked': 'DNSKEY_REVOKED_RRSIG',
};

/** The records of (owner, type) in a section with the RRSIGs beside them that cover that type, still as wire records. */
export function rrsetWithSignatures(section: readonly WireRr[], owner: Name, type: number): WireRr[] {
  const covers = (rr: WireRr): boolean => rr.type === RR.RRSIG && rr.rdata.length >= 2 && ((rr.rdata[0]! << 8) | rr.rdata[1]!) === type;
  return section.filter((rr) => namesEqual(rr.owner, owner) && (rr.type === type || covers(rr)));
}

/** The RDATAs of (owner, type) in a section, and the RRSIGs at owner that cover that type. */
export function rrsetOf(section: readonly WireRr[], owner: Name, type: number): { rdatas: Uint8Array[]; rrsigs: Rrsig[]; malformed: number } {
  const rdatas = section.filter((r) => r.type === type && namesEqual(r.owner, owner)).map((r) => r.rdata);
  const rrsigs: Rrsig[] = [];
  let malformed = 0;
  for (const r of section) {
    if (r.type !== RR.RRSIG || !namesEqual(r.owner, owner)) continue;
    try {
      const sig = decodeRrsig(r.rdata);
      if (sig.typeCovered === type) rrsigs.push(sig);
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      malformed++;
    }
  }
  return { rdatas, rrsigs, malformed };
}

/**
 * Secure when an RRSIG by one of `keys` (DNSKEY RDATAs of `zone`) verifies; insecure when every RRSIG
 * uses an algorithm policy does not validate (RFC 4035 §5.2); bogus otherwise, with the reason.
 */
export function judgeRrset(section: readonly WireRr[], owner: Name, type: number, zone: Name, keys: readonly Uint8Array[], opts: VerifyOptions): RrsetJudgement {
  const label = `${nameToString(owner)}/${typeName(type)}`;
  const { rdatas, rrsigs, malformed } = rrsetOf(section, owner, type);
  if (rrsigs.length === 0) {
    const code: ReasonCode = malformed > 0 ? 'SIGNATURE_INVALID' : 'MISSING_RRSIG';
    return { status: 'bogus', problem: { code, message: malformed > 0 ? `the RRSIG over ${label} is malformed` : `no RRSIG covers ${label}, but ${nameToString(zone)} is signed` } };
  }
  let verdict;
  try {
    verdict = verifyRrset({ owner, type, class: 1, rdatas }, rrsigs, keys.map((rdata) => ({ owner: zone, rdata })), opts);
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    return { status: 'bogus', problem: { code: 'SIGNATURE_INVALID', message: `${label} or its RRSIG is malformed: ${err.message}` } };
  }
  if (verdict.status === 'secure') {
    const valid = verdict.results.filter((r) => r.outcome === 'valid').map((r) => r.rrsig);
    const labels = Math.max(...valid.map((sig) => sig.labels));
    const ttl = Math.min(...section.filter((r) => r.type === type && namesEqual(r.owner, owner)).map((r) => r.ttl));
    return { status: 'secure', labels, algorithms: [...new Set(valid.map((sig) => sig.algorithm))], notes: ttlNotes(label, ttl, valid, opts.now) };
  }
  if (verdict.status === 'unsupported') {
    const algs = [...new Set(rrsigs.map((s) => s.algorithm))].join(', ');
    return { status: 'insecure', problem: { code: 'ALGORITHM_NOT_SUPPORTED', message: `${label} is signed only with algorithm ${algs}, which is not validated` } };
  }
  const worst = verdict.results.find((r) => r.outcome !== 'no-matching-key' && r.outcome !== 'unsupported-algorithm') ?? verdict.results[0]!;
  return { status: 'bogus', problem: describe(worst, label, zone) };
}

/**
 * RFC 4035 §5.3.3: a validator caps the RRset TTL at the RRSIG's Original TTL and at the time left
 * before the signature expires; a TTL above either is reported (the answer stays secure).
 */
function ttlNotes(label: string, ttl: number, sigs: readonly Rrsig[], now: number): ChainProblem[] {
  const original = Math.min(...sigs.map((s) => s.originalTtl));
  const left = Math.max(...sigs.map((s) => (s.expiration - now) | 0));
  if (ttl > original) return [{ code: 'TTL_ABOVE_ORIGINAL', message: `${label} is served with TTL ${ttl}, above the RRSIG's original TTL ${original}` }];
  if (ttl > left) return [{ code: 'TTL_BEYOND_EXPIRATION', message: `${label} is served with TTL ${ttl}, which outlasts its RRSIG (expires in ${left} s)` }];
  return [];
}

function describe(result: RrsigResult, label: string, zone: Name): ChainProblem {
  const { rrsig, outcome } = result;
  const by = `RRSIG over ${label} by key ${rrsig.keyTag} (algorithm ${rrsig.algorithm})`;
  const code = OUTCOME_CODES[outcome] ?? 'SIGNATURE_INVALID';
  switch (outcome) {
    case 'signature-expired':
      return { code, message: `${by} expired on ${isoDay(rrsig.expiration)}` };
    case 'signature-not-yet-valid':
      return { code, message: `${by} is not valid before ${isoDay(rrsig.inception)}` };
    case 'no-matching-key':
      return { code, message: `${by} names a key that ${nameToString(zone)} does not publish` };
    case 'signer-mismatch':
    case 'signer-not-ancestor':
      return { code, message: `${by} is signed by ${nameToString(rrsig.signerName)}, not by the zone ${nameToString(zone)}` };
    case 'bad-signature':
      return { code, message: `${by} does not verify` };
    default:
      return { code, message: `${by} is invalid (${outcome})` };
  }
}

function isoDay(serial: number): string {
  return new Date(serial * 1000).toISOString().slice(0, 10);
}
