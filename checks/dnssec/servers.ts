import { defineCheck, type Emission } from '../../src/evidence/check.js';
import type { DnssecEvidence, DnssecServer } from '../../src/evidence/dnssec.js';

/** Errors that mean "not asked", not "did not answer". */
const NOT_ASKED = new Set(['ENCSCAN_BUDGET_EXHAUSTED', 'ENCSCAN_ABORTED']);
const failedOver = (value: string): boolean => value.startsWith('ENCSCAN_') && !NOT_ASKED.has(value);
const answers = (s: DnssecServer): boolean => !failedOver(s.udp) || !failedOver(s.tcp);
const serving = (s: DnssecServer): boolean => answers(s) && s.authoritative && (s.udp === 'NOERROR' || s.tcp === 'NOERROR');
const who = (s: DnssecServer): string => `${s.address} (${s.names.join(', ')})`;
const isV6 = (s: DnssecServer): boolean => s.address.startsWith('[');

/** What the authoritative servers of one zone must agree on, each with how it is shown. */
const ASPECTS: Array<{ what: string; value: (s: DnssecServer) => string | null }> = [
  { what: 'the SOA serial', value: (s) => (s.serial === null ? null : String(s.serial)) },
  { what: 'the DNSKEY RRset', value: (s) => (s.dnskeys.length === 0 ? 'no keys' : `keys ${[...s.dnskeys].sort((a, b) => a - b).join(' ')}`) },
  { what: 'the signatures (older ones are stale)', value: (s) => (s.soaSigned === null ? null : `SOA signed ${s.soaSigned.slice(0, 10)}`) },
  { what: 'the DS RRset of the child zone', value: (s) => (s.childDs ? `${s.childDs.ds.map((d) => d.keyTag).sort((a, b) => a - b).join(' ') || 'no DS'} for ${s.childDs.zone}` : null) },
];

function disagreements(zone: string, servers: DnssecServer[], emit: (params: Emission['params']) => Emission): Emission[] {
  const out: Emission[] = [];
  for (const aspect of ASPECTS) {
    const byValue = new Map<string, string[]>();
    for (const s of servers) {
      const v = aspect.value(s);
      if (v !== null) byValue.set(v, [...(byValue.get(v) ?? []), s.address]);
    }
    if (byValue.size > 1) out.push(emit({ zone, what: aspect.what, detail: [...byValue].map(([v, a]) => `${a.join(', ')}: ${v}`).join('; ') }));
  }
  return out;
}

function isSigned(d: DnssecEvidence, zone: string, servers: DnssecServer[]): boolean {
  return d.chain.some((z) => z.zone === zone && z.dnskeys.length > 0) || servers.some((s) => s.dnskeys.length > 0);
}

export default defineCheck({
  id: 'dnssec.servers',
  area: 'dnssec',
  title: 'Authoritative name servers on the chain',
  cite: ['RFC 1034 §4.3.5', 'RFC 4035 §3.1', 'RFC 6891 §7', 'RFC 7766 §5'],
  needs: ['dnssec', 'dnssec-servers'],
  outcomes: {
    ok: { text: 'all {count} authoritative servers of {zones} answer alike over UDP and TCP' },
    unreachable: {
      text: '{server}, a name server of {zone}, gave no answer over {transport} ({error})',
      fix: 'Make {server} answer for {zone} over UDP and TCP on port 53, or remove it from the NS records at the parent and in the zone.',
    },
    lame: {
      text: '{server} is listed as a name server of {zone} but answers {rcode} instead of authoritative data (a lame delegation)',
      fix: 'Load {zone} on {server}, or remove the server from the NS records at the parent and in the zone.',
    },
    'no-dnssec': {
      text: '{server} serves the signed zone {zone} without {missing}',
      fix: 'Upgrade or reconfigure {server} so it supports EDNS0 and returns RRSIGs when queries set the DO bit (RFC 4035 §3.1).',
    },
    inconsistent: {
      text: 'the servers of {zone} disagree on {what}: {detail}',
      fix: 'Bring every server of {zone} up to date with the primary (check zone transfers and NOTIFY); lagging servers hand out old data and signatures that will expire.',
    },
  },
  applies: (ev) => (ev.dnssec?.servers?.length ?? 0) > 0,
  run: ({ dnssec }, ctx) => {
    const d = dnssec!;
    const all = d.servers!;
    const out: Emission[] = [];
    const zones = [...new Set(all.map((s) => s.zone))];
    // When no IPv6 server answered at all, the scanner itself has no IPv6: that says nothing about the servers.
    const v6Works = all.some((s) => isV6(s) && answers(s));
    for (const zone of zones) {
      const servers = all.filter((s) => s.zone === zone);
      for (const s of servers) {
        const dead = [failedOver(s.udp) ? 'UDP' : null, failedOver(s.tcp) ? 'TCP' : null].filter((t) => t !== null);
        if (dead.length > 0 && (v6Works || !isV6(s))) out.push(ctx.emit('unreachable', { server: who(s), zone, transport: dead.join(' and '), error: failedOver(s.udp) ? s.udp : s.tcp }));
        else if (answers(s) && !serving(s)) out.push(ctx.emit('lame', { server: who(s), zone, rcode: s.udp === 'NOERROR' ? 'NOERROR without the AA bit' : s.udp }));
      }
      const good = servers.filter(serving);
      if (isSigned(d, zone, good)) {
        for (const s of good) {
          const missing = !s.edns ? 'EDNS0 (no OPT record in its answers)' : !s.rrsigs ? 'RRSIGs when asked with the DO bit' : null;
          if (missing) out.push(ctx.emit('no-dnssec', { server: who(s), zone, missing }));
        }
      }
      out.push(...disagreements(zone, good, (params) => ctx.emit('inconsistent', params)));
    }
    return out.length > 0 ? out : [ctx.emit('ok', { count: all.length, zones: zones.join(', ') })];
  },
});
