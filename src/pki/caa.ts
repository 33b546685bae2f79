// CAA (RFC 8659): the relevant RRset found by climbing the tree, and whether it lets a given CA issue.
// Pure: the lookup is passed in, the issuer table is data (caa-issuers.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export interface CaaRecord {
  flags: number;
  tag: string;
  value: string;
}

export interface CaaAnswer {
  /** 'NOERROR', 'NXDOMAIN', ...; anything else (or `error`) stops the climb. */
  rcode: string;
  records: CaaRecord[];
  error?: string;
}

export interface CaaClimb {
  /** Where the relevant RRset was found; null when no name up to the TLD has CAA records. */
  name: string | null;
  records: CaaRecord[];
  /** Every name asked, in order. */
  climbed: string[];
  rcode: string;
  error?: string;
}

/** Tags RFC 8659 and its registry define; a critical record with any other tag forbids issuance (§4.5). */
const KNOWN_TAGS = new Set(['issue', 'issuewild', 'iodef', 'issuemail', 'issuevmc', 'contactemail', 'contactphone']);
const CRITICAL = 0x80;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** One CAA RDATA (RFC 8659 §4.1: flags, tag length, tag, value); null when malformed. */
export function parseCaaRdata(rdata: Uint8Array): CaaRecord | null {
  if (rdata.length < 2) return null;
  const tagLength = rdata[1]!;
  if (tagLength === 0 || 2 + tagLength > rdata.length) return null;
  const tag = Buffer.from(rdata.subarray(2, 2 + tagLength)).toString('latin1');
  if (!/^[A-Za-z0-9]+$/.test(tag)) return null;
  return { flags: rdata[0]!, tag, value: Buffer.from(rdata.subarray(2 + tagLength)).toString('utf8') };
}

/** The name, then each parent, down to (not including) the root (RFC 8659 §3). */
export function climbNames(name: string): string[] {
  const labels = name.toLowerCase().replace(/\.$/, '').split('.').filter((l) => l !== '');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** RFC 8659 §3: stop at the first non-empty RRset; a failed lookup stops the climb (no verdict from it). */
export async function findRelevantCaa(name: string, lookup: (name: string) => Promise<CaaAnswer>): Promise<CaaClimb> {
  const climbed: string[] = [];
  for (const candidate of climbNames(name)) {
    climbed.push(candidate);
    const answer = await lookup(candidate);
    if (answer.error !== undefined || (answer.rcode !== 'NOERROR' && answer.rcode !== 'NXDOMAIN')) {
      return { name: null, records: [], climbed, rcode: answer.rcode, ...(answer.error === undefined ? {} : { error: answer.error }) };
    }
    if (answer.records.length > 0) return { name: candidate, records: answer.records, climbed, rcode: answer.rcode };
  }
  return { name: null, records: [], climbed, rcode: 'NOERROR' };
}

/**
 * The issuer domain of an issue/issuewild value (RFC 8659 §4.2): '' when the value names no CA
 * (";" alone, which permits none), null when malformed.
 */
export function issuerDomainOf(value: string): string | null {
  const domain = value.split(';')[0]!.trim().toLowerCase().replace(/\.$/, '');
  if (domain === '') return '';
  const labels = domain.split('.');
  return labels.length >= 1 && labels.every((l) => LABEL.test(l)) ? domain : null;
}

export type CaaVerdict =
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'permits'; tag: 'issue' | 'issuewild'; permitted: string[] }
  | { kind: 'forbids'; tag: 'issue' | 'issuewild'; permitted: string[] }
  | { kind: 'unknown-issuer'; tag: 'issue' | 'issuewild'; permitted: string[] };

/**
 * Whether a CA with these CAA domains (null: not in the table) may issue for the name (RFC 8659 §4.2, §4.3);
 * `wildcard` when the certificate covers the name through a wildcard, so issuewild governs when present.
 */
export function evaluateCaa(records: readonly CaaRecord[], wildcard: boolean, issuerDomains: readonly string[] | null): CaaVerdict {
  if (records.length === 0) return { kind: 'none' };
  const critical = records.find((r) => (r.flags & CRITICAL) !== 0 && !KNOWN_TAGS.has(r.tag.toLowerCase()));
  if (critical) return { kind: 'invalid', reason: `critical property with unknown tag "${critical.tag}"` };
  const byTag = (tag: string) => records.filter((r) => r.tag.toLowerCase() === tag);
  const tag = wildcard && byTag('issuewild').length > 0 ? 'issuewild' : 'issue';
  const relevant = byTag(tag);
  if (relevant.length === 0) return { kind: 'none' };
  const domains = relevant.map((r) => issuerDomainOf(r.value));
  if (domains.every((d) => d === null)) return { kind: 'invalid', reason: `no ${tag} value names a well-formed issuer domain` };
  const permitted = [...new Set(domains.filter((d): d is string => d !== null && d !== ''))];
  if (issuerDomains === null) return { kind: 'unknown-issuer', tag, permitted };
  const ours = new Set(issuerDomains.map((d) => d.toLowerCase()));
  return { kind: permitted.some((d) => ours.has(d)) ? 'permits' : 'forbids', tag, permitted };
}

interface IssuerRow {
  name: string;
  pattern: string;
  domains: string[];
  source: string;
}

const ISSUERS = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'pki', 'caa-issuers.json'), 'utf8')) as { issuers: IssuerRow[] }).issuers.map((row) => ({
  ...row,
  regex: new RegExp(row.pattern, 'i'),
}));

/** The CA's CAA domains for an issuer distinguished name (caa-issuers.json); null when the issuer is not listed. */
export function caaIssuer(issuerDn: string): { name: string; domains: string[] } | null {
  const row = ISSUERS.find((r) => r.regex.test(issuerDn));
  return row ? { name: row.name, domains: row.domains } : null;
}

/** Whether the certificate's names cover `host` only through a wildcard (RFC 8659 §4.3 then uses issuewild). */
export function coversByWildcard(dnsNames: readonly string[], host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const names = dnsNames.map((n) => n.toLowerCase().replace(/\.$/, ''));
  if (names.includes(h)) return false;
  const parent = h.split('.').slice(1).join('.');
  return parent !== '' && names.includes(`*.${parent}`);
}
