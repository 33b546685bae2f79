// Which HTTPS records clients act on, shared by the probe (which ports to try) and the check (what to judge).
import type { HttpsAliasChain, HttpsRecord } from '../evidence/http.js';

/** RFC 9460 §9.1: the HTTPS RR of an origin on another port than 443 sits at _<port>._https.<host>. */
export function httpsRrName(host: string, port: number): string {
  return port === 443 ? host : `_${port}._https.${host}`;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** RFC 9460 §2.4.2: an AliasMode record in the set makes clients ignore its ServiceMode records. */
export function aliasRecord(records: readonly HttpsRecord[]): HttpsRecord | undefined {
  return records.find((r) => r.priority === 0 && r.target !== null);
}

/** The ServiceMode records clients use: the target's own, or those at the end of its alias chain. */
export function serviceRecords(records: readonly HttpsRecord[], alias?: HttpsAliasChain): HttpsRecord[] {
  const isService = (r: HttpsRecord): boolean => r.priority !== null && r.priority > 0;
  if (aliasRecord(records) === undefined) return records.filter(isService);
  return alias?.end === 'service' ? alias.hops.at(-1)!.records.filter(isService) : [];
}

/**
 * Where a ServiceMode record sends clients: the scanned host itself (its own name, or "." and the owner
 * name in the target's own RRset), the last alias target ("." there names that owner, RFC 9460 §2.5.2),
 * or elsewhere.
 */
export function serviceEndpoint(r: HttpsRecord, host: string, alias?: HttpsAliasChain): 'host' | 'alias-target' | 'elsewhere' {
  if (r.target === null) return 'elsewhere';
  if (same(r.target, `${host}.`)) return 'host';
  if (r.target !== '.' && !same(r.target, r.name)) return 'elsewhere';
  const last = alias?.end === 'service' ? alias.hops.at(-1) : undefined;
  return last !== undefined && same(r.name, last.name) ? 'alias-target' : 'host';
}

/** Whether clients following `r` reach the servers the scan saw: the host's, or an alias target sharing an address with it. */
export function reachesScannedServers(r: HttpsRecord, host: string, hostAddresses: readonly string[], alias?: HttpsAliasChain): boolean {
  const at = serviceEndpoint(r, host, alias);
  return at === 'host' || (at === 'alias-target' && (alias!.addresses ?? []).some((a) => hostAddresses.includes(a)));
}
