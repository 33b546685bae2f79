// Where a host's TLSA records live (RFC 7671 §7, RFC 7672 §2.2.2): when the host name is an alias
// and every CNAME of its chain is secure, first at the fully expanded name, then (when that name
// securely has none) at the initial name; with an insecure chain only at the initial name.
import type { TlsaRecord } from '../../dane/tlsa-record.js';
import type { ErrorEntry } from '../../evidence/common.js';
import type { CnameExpansion } from '../../evidence/dane.js';
import type { DnssecRrset, DnssecStatus } from '../../evidence/dnssec.js';
import type { DnsClient } from '../../probes/dns/client.js';
import type { DnssecProbeOptions, ValidatedRrset } from '../../probes/dns/dnssec-probe.js';

export type Lookup = (name: string, type: 'TLSA' | 'MX') => Promise<ValidatedRrset>;

/** What the DANE stages share: one DNS client, the validation options, and validated lookups through them. */
export interface DaneDns {
  client: DnsClient;
  opts: Omit<DnssecProbeOptions, 'anchor'>;
  lookup: Lookup;
  /** Where the validated RRsets go, for evidence.dnssec.rrsets. */
  relied: DnssecRrset[];
}

export interface HostDnssec {
  /** Worst status of the host's CNAME links and A/AAAA answers (or their denial). */
  status: DnssecStatus;
  expanded?: CnameExpansion;
}

const bare = (name: string): string => name.replace(/\.$/, '').toLowerCase();

/**
 * Validates the host's address answers following CNAMEs. `cnameTarget` is where the unvalidated
 * resolution ended, for chains whose validation stopped at an insecure link.
 */
export async function hostDnssec(dns: DaneDns, host: string, cnameTarget?: string): Promise<HostDnssec> {
  const { probeDnssec } = await import('../../probes/dns/dnssec-probe.js');
  const ev = await probeDnssec(dns.client, host, { ...dns.opts, anchor: 'configured' });
  dns.relied.push(...ev.rrsets);
  const links = ev.rrsets.filter((r) => r.type === 'CNAME');
  if (links.length === 0 && cnameTarget === undefined) return { status: ev.status };
  const final = ev.rrsets.find((r) => r.type !== 'CNAME' && bare(r.name) !== bare(host));
  const name = final ? bare(final.name) : cnameTarget;
  if (name === undefined) return { status: ev.status };
  return { status: ev.status, expanded: { name, secure: final !== undefined && links.length > 0 && links.every((l) => l.status === 'secure') } };
}

export interface TlsaAnswer {
  /** Owner name asked, without the trailing dot. */
  name: string;
  answer: ValidatedRrset;
  /** Reference identifiers for name checks: the initial name, and the expanded one when secure. */
  names: string[];
}

export async function lookupTlsa(port: number, host: string, expanded: CnameExpansion | undefined, lookup: Lookup): Promise<TlsaAnswer> {
  const secureAlias = expanded?.secure === true && expanded.name !== host ? expanded.name : null;
  const names = secureAlias ? [host, secureAlias] : [host];
  if (secureAlias) {
    const name = `_${port}._tcp.${secureAlias}`;
    const answer = await lookup(name, 'TLSA');
    if (!(answer.status === 'secure' && answer.rdatas.length === 0)) return { name, answer, names };
  }
  const name = `_${port}._tcp.${host}`;
  return { name, answer: await lookup(name, 'TLSA'), names };
}

export async function tlsaRecords(answer: ValidatedRrset): Promise<TlsaRecord[]> {
  const { parseTlsaRdata } = await import('../../dane/tlsa-record.js');
  return answer.rdatas.map(parseTlsaRdata).filter((r): r is TlsaRecord => r !== null);
}

/** Undecided DNSSEC (no answer, lame servers) decides nothing: recorded as an error. */
export function undecided(what: string, status: DnssecStatus, detail: string, errors: ErrorEntry[]): boolean {
  if (status !== 'indeterminate') return false;
  errors.push({ stage: 'dane', code: 'ENCSCAN_DNSSEC_INDETERMINATE', message: `${what}: ${detail}` });
  return true;
}

/** Earliest notAfter the deciding match vouches for (src/dane/expiry.ts), as evidence. */
export async function expiryOf(certificates: ReadonlyArray<{ notAfter: string }>, depth: number | null): Promise<{ expiry?: string }> {
  const { matchExpiry } = await import('../../dane/expiry.js');
  const at = matchExpiry(certificates.map((c) => new Date(c.notAfter)), depth);
  return at ? { expiry: at.toISOString() } : {};
}
