// TLSA record fields (RFC 6698 §2.1) with the RFC 7218 mnemonics, and which records a client may
// use: unknown parameters, digests of the wrong length, PKIX usages over SMTP (RFC 7672 §3.1.3)
// and, per RFC 7671 §9, digests weaker than the strongest one present for the same usage and selector.

export interface TlsaRecord {
  usage: number;
  selector: number;
  mtype: number;
  /** Certificate association data. */
  data: Uint8Array;
}

/** 'https': RFC 6698 / 7671 rules; 'smtp': RFC 7672, where PKIX-TA(0) and PKIX-EE(1) are unusable. */
export type DaneMode = 'https' | 'smtp';

export const USAGE_NAMES: Readonly<Record<number, string>> = { 0: 'PKIX-TA', 1: 'PKIX-EE', 2: 'DANE-TA', 3: 'DANE-EE' };
export const SELECTOR_NAMES: Readonly<Record<number, string>> = { 0: 'Cert', 1: 'SPKI' };

/** Digest lengths of the matching types encscan supports (RFC 6698 §2.1.3). */
export const DIGEST_LENGTH: Readonly<Record<number, number>> = { 1: 32, 2: 64 };

/** RFC 7671 §9 order, strongest first. OpenSSL's test harness registers the reverse ([1, 2]). */
export const DEFAULT_DIGEST_PREFERENCE: readonly number[] = [2, 1];

export const UNUSABLE_REASONS = [
  'unknown-usage',
  'unknown-selector',
  'unknown-matching-type',
  'bad-digest-length',
  'pkix-usage-over-smtp',
  'weaker-digest',
] as const;
export type UnusableReason = (typeof UNUSABLE_REASONS)[number];

/** "3 1 1", as the record is written in a zone file. */
export function recordLabel(r: Pick<TlsaRecord, 'usage' | 'selector' | 'mtype'>): string {
  return `${r.usage} ${r.selector} ${r.mtype}`;
}

/** Why each record cannot be used (null: usable), in input order. */
export function unusableReasons(records: readonly TlsaRecord[], mode: DaneMode, digestPreference: readonly number[]): Array<UnusableReason | null> {
  const own = records.map((r) => ownProblem(r, mode, digestPreference));
  // Digest agility: within one usage and selector, only the strongest digest present counts.
  // Full(0) is not a digest and always counts.
  const strongest = new Map<string, number>();
  records.forEach((r, i) => {
    if (own[i] !== null || r.mtype === 0) return;
    const key = `${r.usage} ${r.selector}`;
    const rank = digestPreference.indexOf(r.mtype);
    const best = strongest.get(key);
    if (best === undefined || rank < best) strongest.set(key, rank);
  });
  return records.map((r, i) => {
    if (own[i] !== null || r.mtype === 0) return own[i]!;
    return digestPreference.indexOf(r.mtype) === strongest.get(`${r.usage} ${r.selector}`) ? null : 'weaker-digest';
  });
}

function ownProblem(r: TlsaRecord, mode: DaneMode, digestPreference: readonly number[]): UnusableReason | null {
  if (USAGE_NAMES[r.usage] === undefined) return 'unknown-usage';
  if (SELECTOR_NAMES[r.selector] === undefined) return 'unknown-selector';
  if (r.mtype !== 0 && !digestPreference.includes(r.mtype)) return 'unknown-matching-type';
  if (r.mtype !== 0 && DIGEST_LENGTH[r.mtype] !== r.data.length) return 'bad-digest-length';
  if (mode === 'smtp' && r.usage < 2) return 'pkix-usage-over-smtp';
  return null;
}

/** TLSA RDATA (RFC 6698 §2.1): usage, selector, matching type, then the association data; null when shorter than 3 bytes. */
export function parseTlsaRdata(rdata: Uint8Array): TlsaRecord | null {
  if (rdata.length < 3) return null;
  return { usage: rdata[0]!, selector: rdata[1]!, mtype: rdata[2]!, data: rdata.slice(3) };
}

/** The RDATA of a TLSA record, for zone data. */
export function tlsaRdata(r: TlsaRecord): Uint8Array {
  return Uint8Array.of(r.usage, r.selector, r.mtype, ...r.data);
}
