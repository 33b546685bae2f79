// The caa stage against the signed lab tree: the climb and evidence.caa as plain lookups give them, and
// the DNSSEC status of every CAA RRset (or denial) it rested on in evidence.dnssec.rrsets.
import { describe, expect, it } from 'vitest';
import { typeNumber } from '../../src/dnssec/rr-types.js';
import type { GatherContext } from '../../src/engine/gather.js';
import { caaStage } from '../../src/engine/stages/caa-stage.js';
import { addReliedRrsets } from '../../src/engine/stages/resolve-stage.js';
import { parseTarget } from '../../src/engine/target.js';
import type { ErrorEntry } from '../../src/evidence/common.js';
import type { DnssecRrset } from '../../src/evidence/dnssec.js';
import type { TargetEvidence } from '../../src/evidence/target.js';
import { type CaaRecord, findRelevantCaa } from '../../src/pki/caa.js';
import { DnsClient, type ResolverMode } from '../../src/probes/dns/client.js';
import { probeDnssec, validatedLookup, type ZoneDataCache } from '../../src/probes/dns/dnssec-probe.js';
import { useDnsLab } from '../support/dns-lab.js';

const NOW = new Date();
const dnsLab = useDnsLab(NOW);
const resolver: ResolverMode = { kind: 'iterative', rootHints: [{ address: '127.0.53.1', port: 53 }] };
const client = () => new DnsClient({ connector: dnsLab.connector, mode: resolver, timeoutMs: 1000, retries: 0 });

function context(): GatherContext {
  const signal = new AbortController().signal;
  return { connector: dnsLab.connector, resolver, timeoutMs: 1000, probes: new Set(['caa', 'dnssec']), roots: [], connectTo: [], now: NOW, signal, dnssec: { anchors: dnsLab.anchors } };
}

/** The stage beside the dnssec stage's evidence for the host's addresses, merged as gather merges them. */
async function scan(host: string): Promise<{ ev: TargetEvidence; errors: ErrorEntry[] }> {
  const ev: TargetEvidence = { attempts: {}, endpoints: [] };
  const errors: ErrorEntry[] = [];
  const relied: DnssecRrset[] = [];
  ev.dnssec = await probeDnssec(client(), host, { anchors: dnsLab.anchors, anchor: 'configured', now: NOW });
  await caaStage(parseTarget(host), context(), ev, errors, relied);
  addReliedRrsets(ev.dnssec.rrsets, relied);
  return { ev, errors };
}

/** The climb as the stage made it before its lookups were validated: one plain CAA query per name. */
function plainClimb(host: string) {
  const c = client();
  return findRelevantCaa(host, async (name) => {
    const result = await c.lookup(name, 'CAA');
    const records = result.answers.flatMap((a): CaaRecord[] => {
      if (a.type !== 'CAA') return [];
      const data = a.data as { flags?: number; tag: string; value: string };
      return [{ flags: data.flags ?? 0, tag: data.tag, value: data.value }];
    });
    return { rcode: result.rcode, records, ...(result.error === undefined ? {} : { error: result.error }) };
  });
}

const caaRrsets = (ev: TargetEvidence) => ev.dnssec!.rrsets.filter((r) => r.type === 'CAA').map((r) => [r.name, r.status, r.reason]);

describe('caa stage', () => {
  it.each(['good.example.test', 'www.example.test', 'missing.example.test', 'caa-forbid.example.test', 'www.insecure.test', 'www.expired-sig.test', 'www.broken.test'])(
    '%s: evidence.caa is what plain lookups give',
    async (host) => {
      const { ev } = await scan(host);
      expect(ev.caa).toEqual(await plainClimb(host));
    },
  );

  it('records the CAA RRset it found, secure, beside the address records', async () => {
    const { ev } = await scan('good.example.test');
    expect(ev.attempts['caa']?.status).toBe('ok');
    expect(ev.caa?.records.map((r) => r.tag)).toEqual(['issue', 'iodef']);
    expect(ev.dnssec!.rrsets.map((r) => [r.name, r.type, r.status])).toEqual([
      ['good.example.test.', 'A', 'secure'],
      ['good.example.test.', 'AAAA', 'secure'],
      ['good.example.test.', 'CAA', 'secure'],
    ]);
  });

  it('records each proven absence on the way up', async () => {
    const { ev } = await scan('missing.example.test');
    expect(ev.caa).toMatchObject({ name: null, climbed: ['missing.example.test', 'example.test', 'test'] });
    expect(caaRrsets(ev)).toEqual([
      ['missing.example.test.', 'secure', 'SECURE'],
      ['example.test.', 'secure', 'SECURE'],
      ['test.', 'secure', 'SECURE'],
    ]);
  });

  it('adds the CAA RRset an alias leads to, not the alias link the address records list already', async () => {
    const { ev } = await scan('www.example.test');
    const addresses = await probeDnssec(client(), 'www.example.test', { anchors: dnsLab.anchors, anchor: 'configured', now: NOW });
    expect(ev.dnssec!.rrsets).toEqual([...addresses.rrsets, { name: 'good.example.test.', type: 'CAA', status: 'secure', reason: 'SECURE' }]);
  });

  it('marks CAA answers from a zone with expired signatures bogus, not absent', async () => {
    const { ev } = await scan('www.expired-sig.test');
    expect(ev.attempts['caa']?.status).toBe('ok');
    expect(caaRrsets(ev).slice(0, 2)).toEqual([
      ['www.expired-sig.test.', 'bogus', 'EXPIRATION_IN_PAST'],
      ['expired-sig.test.', 'bogus', 'EXPIRATION_IN_PAST'],
    ]);
  });

  it('keeps an unsigned zone insecure', async () => {
    const { ev } = await scan('www.insecure.test');
    expect(caaRrsets(ev)[0]).toEqual(['www.insecure.test.', 'insecure', 'NO_DS_PROVEN']);
  });

  it('stops the climb on a failed lookup and records the failure', async () => {
    const { ev, errors } = await scan('www.broken.test');
    expect(ev.attempts['caa']).toMatchObject({ status: 'error' });
    expect(ev.caa).toMatchObject({ name: null, climbed: ['www.broken.test'], rcode: 'SERVFAIL' });
    expect(errors.map((e) => e.stage)).toContain('caa');
  });

  it('fetches each zone\'s DNSKEY RRset once over a climb that shares its zone data', async () => {
    const c = client();
    const zoneData: ZoneDataCache = new Map();
    const opts = { anchors: dnsLab.anchors, now: NOW };
    for (const name of ['missing.example.test', 'example.test', 'test']) await validatedLookup(c, name, typeNumber('CAA'), opts, zoneData);
    expect(c.queries.filter((q) => q.type === 'DNSKEY').map((q) => q.name)).toEqual(['.', 'test', 'example.test']);
  });
});
