// Per-server diagnosis evidence for the tests of checks/dnssec/ (servers, signature-expiry, cds).
import type { DnssecEvidence, DnssecServer } from '../../src/evidence/dnssec.js';
import type { TargetEvidence } from '../../src/evidence/target.js';
import { dnssec } from '../dnssec/check-fixtures.js';
import { NOW, evidence } from '../support/check-kit.js';

const DAY = 86_400_000;

/** A healthy server of `zone`: authoritative over UDP and TCP, signed, signatures valid for 20 more days. */
export function server(zone: string, address: string, parts: Partial<DnssecServer> = {}): DnssecServer {
  return {
    zone,
    address: `${address}:53`,
    names: [`ns.${zone === '.' ? 'root.' : zone}`],
    udp: 'NOERROR',
    tcp: 'NOERROR',
    authoritative: true,
    edns: true,
    rrsigs: true,
    serial: 2026120101,
    dnskeys: [1000],
    soaSigned: new Date(NOW.getTime() - DAY).toISOString(),
    expires: new Date(NOW.getTime() + 20 * DAY).toISOString(),
    nxdomain: 'NXDOMAIN',
    denial: 'nsec',
    cds: [],
    cdnskey: [],
    queries: 7,
    ...parts,
  };
}

export function daysFromNow(days: number): string {
  return new Date(NOW.getTime() + days * DAY).toISOString();
}

/** Target evidence after a walk and a per-server diagnosis (both attempts done). */
export function withServers(servers: DnssecServer[], parts: Partial<DnssecEvidence> = {}): TargetEvidence {
  return evidence({ attempts: { dns: { status: 'ok' }, dnssec: { status: 'ok' }, 'dnssec-servers': { status: 'ok' } }, dnssec: dnssec({ servers, ...parts }) });
}
