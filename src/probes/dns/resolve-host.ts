// A host's addresses as DNS evidence: A and AAAA in parallel, each following its CNAME chain.
import type { DnsAddress, DnsEvidence } from '../../evidence/dns.js';
import type { DnsClient, LookupResult } from './client.js';
import { canonicalName, parseDomainName } from './names.js';

const MAX_CNAME_LINKS = 8;

type AddressType = 'A' | 'AAAA';
type CnameLink = { name: string; target: string };

interface Chain {
  /** The final rcode, or an ENCSCAN_* code when no answer came. */
  outcome: string;
  cnames: CnameLink[];
  addresses: DnsAddress[];
}

/** Throws only when the client's signal aborts; every DNS failure is recorded in `rcode`. */
export async function resolveHost(client: DnsClient, name: string): Promise<DnsEvidence> {
  const qname = parseDomainName(name);
  const [a, aaaa] = await Promise.all([follow(client, qname, 'A'), follow(client, qname, 'AAAA')]);
  const cnames = new Map<string, CnameLink>();
  for (const link of [...a.cnames, ...aaaa.cnames]) cnames.set(`${link.name} ${link.target}`, link);
  const addresses = new Map<string, DnsAddress>();
  for (const addr of [...a.addresses, ...aaaa.addresses]) if (!addresses.has(addr.address)) addresses.set(addr.address, addr);
  return {
    mode: client.mode.kind,
    name: qname,
    rcode: { A: a.outcome, AAAA: aaaa.outcome },
    cnames: [...cnames.values()],
    addresses: [...addresses.values()],
    queries: [...client.queries],
  };
}

async function follow(client: DnsClient, name: string, type: AddressType): Promise<Chain> {
  const cnames: CnameLink[] = [];
  const seen = new Set([name]);
  let current = name;
  for (;;) {
    const result = await client.lookup(current, type);
    if (result.error) return { outcome: outcomeOf(result), cnames, addresses: [] };
    // A server may return several links (and the final records) in one answer.
    let advanced = false;
    for (let link = cnameOf(result, current); link !== null; link = cnameOf(result, current)) {
      let target: string;
      try {
        target = parseDomainName(link);
      } catch {
        return { outcome: 'ENCSCAN_DNS_BAD_RESPONSE', cnames, addresses: [] };
      }
      cnames.push({ name: current, target });
      if (seen.has(target) || cnames.length > MAX_CNAME_LINKS) return { outcome: 'ENCSCAN_DNS_LOOP', cnames, addresses: [] };
      seen.add(target);
      current = target;
      advanced = true;
    }
    const addresses = addressesOf(result, current, type);
    // A chain that left the answering server's data ends in a NOERROR without records: ask for the target.
    if (addresses.length > 0 || !advanced || result.rcode !== 'NOERROR') return { outcome: result.rcode, cnames, addresses };
  }
}

function outcomeOf(result: LookupResult): string {
  // Servers did answer SERVFAIL, so that is the rcode; other failures had no answer at all.
  return result.error === 'ENCSCAN_DNS_SERVFAIL' ? 'SERVFAIL' : (result.error ?? result.rcode);
}

function cnameOf(result: LookupResult, owner: string): string | null {
  for (const a of result.answers) {
    if (a.type === 'CNAME' && canonicalName(a.name) === owner) return a.data;
  }
  return null;
}

function addressesOf(result: LookupResult, owner: string, type: AddressType): DnsAddress[] {
  const out: DnsAddress[] = [];
  for (const a of result.answers) {
    if (a.type === type && canonicalName(a.name) === owner) out.push({ address: a.data, family: type === 'A' ? 4 : 6, ttl: a.ttl ?? 0 });
  }
  return out;
}
