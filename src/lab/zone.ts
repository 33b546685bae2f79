// Plain data for the lab's authoritative DNS servers (served by src/lab/dns-server.ts).

/**
 * One resource record; `data` uses dns-packet's answer `data` format (A: '127.0.1.1', MX: {preference,
 * exchange}). DNSSEC records made by the zone signer carry their wire RDATA in `rdata` instead, served
 * byte for byte.
 */
export interface LabRecord {
  name: string;
  type: string;
  ttl?: number;
  data: unknown;
  rdata?: Uint8Array;
}

/**
 * How the server for a zone misbehaves: 'drop' never answers (timeouts), 'truncate-udp' sets TC with no
 * records on every UDP answer so clients must retry over TCP.
 */
export type ZoneBehaviour = 'normal' | 'servfail' | 'refused' | 'drop' | 'truncate-udp';

export interface LabZone {
  /** '.', 'test', 'example.test', ... */
  origin: string;
  records: LabRecord[];
  behaviour?: ZoneBehaviour;
}

/** The zone's SOA record; negative answers put it in the authority section. */
export function soaRecord(origin: string, opts: { mname?: string; rname?: string; serial?: number; ttl?: number } = {}): LabRecord {
  const suffix = origin === '.' ? 'lab-root' : origin;
  return {
    name: origin,
    type: 'SOA',
    ttl: opts.ttl ?? 3600,
    data: {
      mname: opts.mname ?? `ns1.${suffix}`,
      rname: opts.rname ?? `hostmaster.${suffix}`,
      serial: opts.serial ?? 2024010101,
      refresh: 7200,
      retry: 900,
      expire: 1209600,
      minimum: 300,
    },
  };
}

/** NS records for `child` plus A/AAAA glue for the name servers that have an address. */
export function delegation(child: string, servers: Array<{ name: string; address?: string }>): LabRecord[] {
  const records: LabRecord[] = servers.map((s) => ({ name: child, type: 'NS', data: s.name }));
  for (const s of servers) {
    if (s.address !== undefined) records.push({ name: s.name, type: s.address.includes(':') ? 'AAAA' : 'A', data: s.address });
  }
  return records;
}
