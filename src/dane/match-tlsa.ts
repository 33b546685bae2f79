// TLSA matching (RFC 6698, RFC 7671, RFC 7672 for SMTP) with an explained match table: every
// record against every certificate depth, saying whether and why it matched. Pure apart from
// signature checks; never throws for bad records or chains.
import { createHash } from 'node:crypto';
import { parseCertificate, type CertFields } from '../pki/cert-fields.js';
import { associationData, describeSelection, preview, sameBytes } from './association.js';
import { namesMatch } from './reference-names.js';
import { pkixPath, type PkixPath } from './pkix-path.js';
import { pathSignedByKey, pathToAnchor } from './ta-paths.js';
import { DEFAULT_DIGEST_PREFERENCE, recordLabel, unusableReasons, type DaneMode, type TlsaRecord, type UnusableReason } from './tlsa-record.js';

export interface MatchInput {
  records: TlsaRecord[];
  /** As the server sent it, leaf first. */
  chain: Uint8Array[];
  /** PKIX trust store, used only by PKIX-TA(0) and PKIX-EE(1). */
  roots: Uint8Array[];
  /** Reference identifiers (RFC 7671 §5.2.2; for SMTP the MX host and TLSA base, RFC 7672 §3.2.2). */
  names: string[];
  now: Date;
  mode: DaneMode;
  /** Matching types, strongest first (RFC 7671 §9). Default [2, 1]. */
  digestPreference?: readonly number[];
  /** Also check names for DANE-EE(3). RFC 7671 §5.1 says not to; OpenSSL's harness does unless told otherwise. */
  eeNameCheck?: boolean;
}

/** What a record achieved, worst to best is not implied: only 'authenticated' makes a verdict valid. */
export type RecordStatus = 'authenticated' | 'name-mismatch' | 'pkix-failed' | 'expired' | 'no-match' | 'unusable';
export type DaneFailure = 'no-certificate' | 'no-match' | 'name-mismatch' | 'pkix-failed' | 'expired';
export type CellSource = 'chain' | 'dns' | 'trust-store';

/** One record against one certificate: `matched` says the data equals that certificate's; `reason` says whether it counts. */
export interface MatchCell {
  /** Index in the chain as sent; for 'dns' and 'trust-store' cells, the position in the path built from the leaf. */
  depth: number;
  source: CellSource;
  matched: boolean;
  reason: string;
}

export interface RecordResult {
  usage: number;
  selector: number;
  mtype: number;
  /** Association data, lowercase hex. */
  data: string;
  usable: boolean;
  unusable?: UnusableReason;
  status: RecordStatus;
  /** The data matched a certificate where this usage looks for one (for TA usages: on a verified path). */
  matched: boolean;
  depth?: number;
  /** SHA-256 (hex) of the public key the record matched: the leaf's, the anchor's or the key in the record. */
  key?: string;
  reason: string;
  cells: MatchCell[];
}

export interface DaneResult {
  verdict: 'valid' | 'invalid' | 'none';
  /** Depth of the deciding match (0 = leaf), or null when nothing matched. */
  depth: number | null;
  failure: DaneFailure | null;
  records: RecordResult[];
}

interface Context {
  leaf: CertFields;
  presented: CertFields[];
  input: MatchInput;
  nameOk: boolean;
  pkix: () => Promise<PkixPath>;
}

const UNUSABLE_TEXT: Record<UnusableReason, string> = {
  'unknown-usage': 'unknown certificate usage',
  'unknown-selector': 'unknown selector',
  'unknown-matching-type': 'unknown matching type',
  'bad-digest-length': 'the digest has the wrong length for its matching type',
  'pkix-usage-over-smtp': 'PKIX usages (0, 1) are not used for SMTP (RFC 7672 §3.1.3)',
  'weaker-digest': 'a stronger digest is published for the same usage and selector, so this one is ignored (RFC 7671 §9)',
};

export async function matchTlsa(input: MatchInput): Promise<DaneResult> {
  const reasons = unusableReasons(input.records, input.mode, input.digestPreference ?? DEFAULT_DIGEST_PREFERENCE);
  const presented = decodeAll(input.chain);
  const leaf = input.chain.length > 0 && presented[0] ? presented[0] : null;
  let pkix: Promise<PkixPath> | undefined;
  const ctx: Context | null = leaf && {
    leaf,
    presented: presented.filter((c): c is CertFields => c !== null),
    input,
    nameOk: namesMatch(leaf, input.names, input.mode),
    pkix: () => (pkix ??= pkixFor(leaf, presented, input, reasons)),
  };
  const records: RecordResult[] = [];
  for (const [i, record] of input.records.entries()) {
    const base = { usage: record.usage, selector: record.selector, mtype: record.mtype, data: Buffer.from(record.data).toString('hex') };
    const unusable = reasons[i] ?? null;
    if (unusable !== null) {
      records.push({ ...base, usable: false, unusable, status: 'unusable', matched: false, reason: `${recordLabel(record)} is unusable: ${UNUSABLE_TEXT[unusable]}`, cells: [] });
    } else if (!ctx) {
      records.push({ ...base, usable: true, status: 'no-match', matched: false, reason: `${recordLabel(record)}: the server sent no decodable certificate`, cells: [] });
    } else {
      records.push({ ...base, usable: true, ...(await evaluate(record, ctx)) });
    }
  }
  return { ...decide(records, leaf !== null), records };
}

function decide(records: RecordResult[], hasLeaf: boolean): Omit<DaneResult, 'records'> {
  if (!records.some((r) => r.usable)) return { verdict: 'none', depth: null, failure: null };
  if (!hasLeaf) return { verdict: 'invalid', depth: null, failure: 'no-certificate' };
  const shallowest = (status: (s: RecordStatus) => boolean): RecordResult | undefined =>
    records.filter((r) => status(r.status) && r.depth !== undefined).sort((a, b) => a.depth! - b.depth!)[0];
  const good = shallowest((s) => s === 'authenticated');
  if (good) return { verdict: 'valid', depth: good.depth!, failure: null };
  const near = shallowest((s) => s === 'name-mismatch' || s === 'pkix-failed' || s === 'expired');
  if (near) return { verdict: 'invalid', depth: near.depth!, failure: near.status as DaneFailure };
  return { verdict: 'invalid', depth: null, failure: 'no-match' };
}

function decodeAll(chain: Uint8Array[]): Array<CertFields | null> {
  return chain.map((der) => {
    try {
      return parseCertificate(der);
    } catch {
      return null;
    }
  });
}

function pkixFor(leaf: CertFields, presented: Array<CertFields | null>, input: MatchInput, reasons: Array<UnusableReason | null>): Promise<PkixPath> {
  // Full certificates in usable PKIX-TA(0) records may complete the chain (RFC 7671 §5.2.2 by analogy; OpenSSL does this).
  const fromDns = input.records
    .filter((r, i) => reasons[i] === null && r.usage === 0 && r.selector === 0 && r.mtype === 0)
    .map((r) => decodeAll([r.data])[0])
    .filter((c): c is CertFields => c !== null && c !== undefined);
  const roots = decodeAll(input.roots).filter((c): c is CertFields => c !== null);
  const chain = presented.filter((c): c is CertFields => c !== null && c !== leaf);
  return pkixPath({ presented: [leaf, ...chain], fromDns, roots, host: input.names[0] ?? '', now: input.now });
}

type Evaluation = Omit<RecordResult, 'usage' | 'selector' | 'mtype' | 'data' | 'usable'>;

async function evaluate(record: TlsaRecord, ctx: Context): Promise<Evaluation> {
  if (record.usage === 3 || record.usage === 1) return evaluateEndEntity(record, ctx);
  if (record.usage === 2) return evaluateDaneTa(record, ctx);
  return evaluatePkixTa(record, ctx);
}

function certRole(cert: CertFields, depth: number): string {
  if (depth === 0) return 'the leaf';
  return cert.subjectHex === cert.issuerHex ? `the root at depth ${depth}` : `the intermediate at depth ${depth}`;
}

/** Compares the record with the sent certificate at `depth`; `extra` explains a match. */
function compare(record: TlsaRecord, cert: CertFields, depth: number, source: CellSource = 'chain'): MatchCell {
  const role = certRole(cert, depth);
  const actual = associationData(cert, record.selector, record.mtype);
  const matched = sameBytes(actual, record.data);
  const label = recordLabel(record);
  const what = describeSelection(record.selector, record.mtype);
  const reason = matched
    ? `${label} matches ${role} (${what})`
    : `${label}: ${what} of ${role} is ${preview(actual)}, record says ${preview(record.data)} — no match`;
  return { depth, source, matched, reason };
}

function chainCells(record: TlsaRecord, ctx: Context): MatchCell[] {
  return ctx.presented.map((cert, depth) => compare(record, cert, depth));
}

async function evaluateEndEntity(record: TlsaRecord, ctx: Context): Promise<Evaluation> {
  const cells = chainCells(record, ctx).map((cell) =>
    cell.matched && cell.depth > 0 ? { ...cell, reason: `${cell.reason}, but usage ${record.usage} applies only to the leaf` } : cell,
  );
  const leafCell = cells[0]!;
  if (!leafCell.matched) return { status: 'no-match', matched: false, reason: leafCell.reason, cells };
  let status: RecordStatus = 'authenticated';
  let reason = leafCell.reason;
  if (record.usage === 1) {
    const pkix = await ctx.pkix();
    if (!pkix.ok) [status, reason] = ['pkix-failed', `${reason}, but PKIX validation fails (${pkix.errors.join(', ')})`];
  }
  if (status === 'authenticated' && (record.usage === 1 || ctx.input.eeNameCheck) && !ctx.nameOk) {
    [status, reason] = ['name-mismatch', `${reason}, but the leaf is not valid for ${ctx.input.names.join(' or ')}`];
  }
  return { status, matched: true, depth: 0, key: ctx.leaf.spkiSha256, reason, cells };
}

/** A match found by a trust-anchor usage: the path from the leaf (leaf first) up to the anchor. */
interface TaMatch {
  depth: number;
  path: CertFields[];
  /** The anchor is a bare key from DNS: every path certificate lies below it. */
  keyOnly: boolean;
}

async function evaluateDaneTa(record: TlsaRecord, ctx: Context): Promise<Evaluation> {
  const sent = ctx.presented.slice(1);
  const cells = chainCells(record, ctx);
  let best: TaMatch | null = null;
  let reason = '';
  for (const cell of cells) {
    if (!cell.matched) continue;
    if (cell.depth === 0) {
      cell.reason += ', but usage 2 must match an issuer of the leaf';
      continue;
    }
    const path = await pathToAnchor(ctx.leaf, sent, ctx.presented[cell.depth]!, ctx.input.now);
    if (!path) {
      cell.reason += ', but the chain from the leaf does not verify up to it';
    } else if (!best || path.length - 1 < best.depth) {
      best = { depth: path.length - 1, path, keyOnly: false };
      reason = cell.reason;
    }
  }
  if (!best && record.mtype === 0) {
    const dns = await anchorFromRecord(record, ctx, sent);
    cells.push(dns.cell);
    best = dns.match;
    reason = dns.cell.reason;
  }
  if (!best) return { status: 'no-match', matched: false, reason: summary(record, cells), cells };
  // The anchor's own dates do not matter (it is trusted through DNS); those below it do.
  const below = best.keyOnly ? best.path : best.path.slice(0, -1);
  const key = best.keyOnly ? sha256Hex(record.data) : best.path[best.path.length - 1]!.spkiSha256;
  const stale = below.findIndex((c) => !validAt(c, ctx.input.now));
  if (stale !== -1) {
    return { status: 'expired', matched: true, depth: best.depth, key, reason: `${reason}, but ${certRole(below[stale]!, stale)} is outside its validity period`, cells };
  }
  if (!ctx.nameOk) return { status: 'name-mismatch', matched: true, depth: best.depth, key, reason: `${reason}, but the leaf is not valid for ${ctx.input.names.join(' or ')}`, cells };
  return { status: 'authenticated', matched: true, depth: best.depth, key, reason, cells };
}

/** RFC 7671 §5.2.2: a DANE-TA(2) record with Full(0) data may carry the trust anchor itself. */
async function anchorFromRecord(record: TlsaRecord, ctx: Context, sent: CertFields[]): Promise<{ cell: MatchCell; match: TaMatch | null }> {
  const label = recordLabel(record);
  const depth = ctx.presented.length;
  if (record.selector === 1) {
    const path = await pathSignedByKey(ctx.leaf, sent, record.data, ctx.input.now);
    if (!path) return { cell: { depth, source: 'dns', matched: false, reason: `${label}: the key in the record signs no certificate of the chain` }, match: null };
    const at = path.length - 1;
    const reason = `${label}: the key in the record signs ${certRole(path[at]!, at)} (trust anchor key published in DNS)`;
    return { cell: { depth: at, source: 'dns', matched: true, reason }, match: { depth: at, path, keyOnly: true } };
  }
  const cert = decodeAll([record.data])[0];
  if (!cert) return { cell: { depth, source: 'dns', matched: false, reason: `${label}: the record's data is not a certificate` }, match: null };
  const path = await pathToAnchor(ctx.leaf, sent, cert, ctx.input.now);
  if (!path) return { cell: { depth, source: 'dns', matched: false, reason: `${label}: the certificate in the record issues no certificate of the chain` }, match: null };
  const at = path.length - 1;
  const reason = `${label}: the certificate in the record issues ${certRole(path[at - 1]!, at - 1)} (trust anchor published in DNS, depth ${at})`;
  return { cell: { depth: at, source: 'dns', matched: true, reason }, match: { depth: at, path, keyOnly: false } };
}

async function evaluatePkixTa(record: TlsaRecord, ctx: Context): Promise<Evaluation> {
  const pkix = await ctx.pkix();
  const cells = chainCells(record, ctx);
  pkix.path.forEach((cert, p) => {
    if (pkix.sources[p] !== 'chain') cells.push(compare(record, cert, p, pkix.sources[p]));
  });
  let depth: number | null = null;
  let reason = '';
  for (const cell of cells) {
    if (!cell.matched) continue;
    const cert = cell.source === 'chain' ? ctx.presented[cell.depth]! : pkix.path[cell.depth]!;
    const p = pkix.path.indexOf(cert);
    if (p < 1) {
      cell.reason += p === 0 ? ', but usage 0 must match a CA above the leaf' : ', but it is not on the PKIX path built from the leaf';
    } else if (depth === null || p < depth) {
      depth = p;
      reason = cell.reason;
    }
  }
  if (depth === null) return { status: 'no-match', matched: false, reason: summary(record, cells), cells };
  const key = pkix.path[depth]!.spkiSha256;
  if (!pkix.ok) return { status: 'pkix-failed', matched: true, depth, key, reason: `${reason}, but PKIX validation fails (${pkix.errors.join(', ')})`, cells };
  if (!ctx.nameOk) return { status: 'name-mismatch', matched: true, depth, key, reason: `${reason}, but the leaf is not valid for ${ctx.input.names.join(' or ')}`, cells };
  return { status: 'authenticated', matched: true, depth, key, reason, cells };
}

/** For a record that authenticates nothing: a cell whose data matched, else the one about the leaf's issuer. */
function summary(record: TlsaRecord, cells: MatchCell[]): string {
  const issuer = cells.find((c) => c.matched) ?? cells.find((c) => c.depth === 1 && c.source === 'chain') ?? cells[0];
  return issuer ? issuer.reason : `${recordLabel(record)} matches no certificate`;
}

function validAt(cert: CertFields, now: Date): boolean {
  // X.509 times have whole seconds; notAfter is inclusive.
  const at = Math.floor(now.getTime() / 1000) * 1000;
  return cert.notBefore.getTime() <= at && at <= cert.notAfter.getTime();
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
