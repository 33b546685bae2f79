import type { ErrorEntry } from '../../evidence/common.js';
import type { DnssecRrset } from '../../evidence/dnssec.js';
import type { TargetEvidence } from '../../evidence/target.js';
import type { DnsClient } from '../../probes/dns/client.js';
import type { DnssecProbeOptions, ValidatedRrset, ZoneDataCache } from '../../probes/dns/dnssec-probe.js';
import { errorCode, errorMessage } from '../errors.js';
import type { ConnectTo, GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed } from './attempts.js';

/** The --connect-to rule that applies to a host:port, if any (curl's meaning: empty host or port = any). */
export function connectToFor(rules: readonly ConnectTo[], host: string, port: number): ConnectTo | undefined {
  return rules.find((c) => (c.host === '' || c.host === host) && (c.port === null || c.port === port));
}

/** The target's addresses: the IP literal, the --connect-to address, or encscan's own resolver. */
export async function resolveStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<string[]> {
  if (target.ip !== 0) {
    ev.dns = literalDns(target.host, 'literal', [target.host]);
    ev.attempts['dns'] = { status: 'ok' };
    return [target.host];
  }
  const forced = connectToFor(ctx.connectTo, target.host, target.port);
  if (forced) {
    ev.dns = literalDns(target.host, 'connect-to', [forced.address]);
    ev.attempts['dns'] = { status: 'ok' };
    return [forced.address];
  }
  const started = performance.now();
  try {
    const dns = await (await import('../../probes/dns/resolve-host.js')).resolveHost(await dnsClient(ctx), target.host);
    ev.dns = dns;
    const noAnswer = Object.values(dns.rcode).find((r) => r.startsWith('ENCSCAN_'));
    if (dns.addresses.length === 0 && noAnswer !== undefined) {
      ev.attempts['dns'] = { status: 'error', code: noAnswer, detail: `no answer for ${target.host}`, ms: elapsed(started) };
      errors.push({ stage: 'dns', code: noAnswer, message: `no DNS answer for ${target.host}` });
    } else {
      ev.attempts['dns'] = { status: 'ok', ms: elapsed(started) };
    }
    return dns.addresses.map((a) => a.address);
  } catch (err) {
    ev.attempts['dns'] = failed(err, started);
    errors.push({ stage: 'dns', code: errorCode(err), message: errorMessage(err) });
    return [];
  }
}

/** A DNS client on encscan's resolver (stub or iterative), never the system's. */
export async function dnsClient(ctx: GatherContext): Promise<DnsClient> {
  const { DnsClient } = await import('../../probes/dns/client.js');
  return new DnsClient({ connector: ctx.connector, mode: ctx.resolver, timeoutMs: ctx.timeoutMs, signal: ctx.signal });
}

/**
 * Validated lookups (TLSA, MX, HTTPS, CAA): encscan's resolver with this scan's trust anchors and
 * algorithm policy. Every RRset a lookup rests on goes to `relied`, which gather() adds to
 * evidence.dnssec.rrsets.
 */
export interface ValidatingDns {
  client: DnsClient;
  opts: Omit<DnssecProbeOptions, 'anchor'>;
  /** With `zoneData`, a series of lookups in the same zones (the CAA climb) fetches their DS and DNSKEY once. */
  lookup: (name: string, type: number, zoneData?: ZoneDataCache) => Promise<ValidatedRrset>;
  relied: DnssecRrset[];
}

export async function validatingDns(ctx: GatherContext, relied: DnssecRrset[] = []): Promise<ValidatingDns> {
  const { validatedLookup } = await import('../../probes/dns/dnssec-probe.js');
  const { defaultRootAnchors } = await import('../../dnssec/trust-anchor.js');
  const client = await dnsClient(ctx);
  const opts = { anchors: ctx.dnssec?.anchors ?? defaultRootAnchors(), now: ctx.now, strictAlgorithms: ctx.dnssec?.strictAlgorithms === true };
  const lookup = async (name: string, type: number, zoneData?: ZoneDataCache): Promise<ValidatedRrset> => {
    const answer = await validatedLookup(client, name, type, opts, zoneData);
    relied.push(...(answer.rrsets ?? []));
    return answer;
  };
  return { client, opts, lookup, relied };
}

/** Adds the RRsets other stages relied on to the dnssec evidence, each (name, type) once. */
export function addReliedRrsets(into: DnssecRrset[], more: readonly DnssecRrset[]): void {
  const key = (r: DnssecRrset): string => `${r.name.toLowerCase()}/${r.type}`;
  const listed = new Set(into.map(key));
  for (const r of more) {
    if (listed.has(key(r))) continue;
    listed.add(key(r));
    into.push(r);
  }
}

/** One address for another host (redirect hops, mta-sts.<domain>), through the same resolver. */
export async function resolveOther(host: string, ctx: GatherContext): Promise<string | null> {
  const forced = connectToFor(ctx.connectTo, host, 443);
  if (forced) return forced.address;
  const { resolveHost } = await import('../../probes/dns/resolve-host.js');
  const dns = await resolveHost(await dnsClient(ctx), host);
  return dns.addresses[0]?.address ?? null;
}

function literalDns(name: string, mode: 'literal' | 'connect-to', addresses: string[]): TargetEvidence['dns'] {
  return {
    mode,
    name,
    rcode: {},
    cnames: [],
    addresses: addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    queries: [],
  };
}
