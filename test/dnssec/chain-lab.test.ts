// The chain walk over the signed lab tree: every lab zone gets its verdict with the right reason.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { loadWorld } from '../../src/engine/world.js';
import { parseTrustAnchors, defaultRootAnchors, type TrustAnchor } from '../../src/dnssec/trust-anchor.js';
import { DnsClient } from '../../src/probes/dns/client.js';
import { probeDnssec } from '../../src/probes/dns/dnssec-probe.js';
import { startLab, type Lab } from '../../src/lab/world.js';

let lab: Lab;
let connector: Connector;
let anchors: TrustAnchor[];
const NOW = new Date();
const DAY = 86_400_000;

beforeAll(async () => {
  lab = await startLab({ now: NOW });
  const world = loadWorld(lab.worldFile);
  connector = new Connector({ portMap: world.portMap, maxConnections: 4, timeoutMs: 2000 });
  anchors = parseTrustAnchors(readFileSync(world.trustAnchorFile!, 'utf8'));
}, 30_000);

afterAll(async () => {
  await lab?.stop();
});

function probe(host: string, opts: { now?: Date; strictAlgorithms?: boolean; anchors?: TrustAnchor[] } = {}) {
  const client = new DnsClient({ connector, mode: { kind: 'iterative', rootHints: [{ address: '127.0.53.1', port: 53 }] }, timeoutMs: 1000, retries: 0 });
  return probeDnssec(client, host, { anchors: opts.anchors ?? anchors, anchor: 'configured', now: opts.now ?? NOW, strictAlgorithms: opts.strictAlgorithms ?? false });
}

describe('lab verdicts', () => {
  it.each([
    ['good.example.test', 'secure', 'SECURE'],
    ['www.example.test', 'secure', 'SECURE'],
    ['missing.example.test', 'secure', 'SECURE'],
    ['www.rsasha1.test', 'secure', 'SECURE'],
    ['www.insecure.test', 'insecure', 'NO_DS_PROVEN'],
    ['www.expired-sig.test', 'bogus', 'EXPIRATION_IN_PAST'],
    ['www.bad-ds.test', 'bogus', 'NO_SEP'],
    ['www.no-rrsig.test', 'bogus', 'MISSING_RRSIG'],
    ['www.broken.test', 'indeterminate', 'UNABLE_TO_RETRIEVE_DNSSEC_RECORDS'],
  ])('%s is %s (%s)', async (host, status, reason) => {
    const ev = await probe(host);
    expect({ status: ev.status, reason: ev.reason }).toEqual({ status, reason });
  });

  it('walks root, test. and example.test. with their algorithms', async () => {
    const ev = await probe('good.example.test');
    expect(ev.chain.map((z) => [z.zone, z.status, [...new Set(z.dnskeys.map((k) => k.algorithm))]])).toEqual([
      ['.', 'secure', [8]],
      ['test.', 'secure', [13]],
      ['example.test.', 'secure', [15]],
    ]);
    expect(ev.chain[2]!.dnskeys.map((k) => k.flags).sort()).toEqual([256, 257]);
    expect(ev.rrsets.map((r) => [r.name, r.type, r.status])).toEqual([
      ['good.example.test.', 'A', 'secure'],
      ['good.example.test.', 'AAAA', 'secure'],
    ]);
  });

  it('follows a CNAME and validates each link', async () => {
    const ev = await probe('www.example.test');
    expect(ev.rrsets.map((r) => [r.name, r.type, r.status])).toEqual([
      ['www.example.test.', 'CNAME', 'secure'],
      ['good.example.test.', 'A', 'secure'],
      ['www.example.test.', 'CNAME', 'secure'],
      ['good.example.test.', 'AAAA', 'secure'],
    ]);
  });

  it('puts the broken link in the zone it belongs to', async () => {
    const bad = await probe('www.bad-ds.test');
    expect(bad.chain.at(-1)).toMatchObject({ zone: 'bad-ds.test.', status: 'bogus', errors: [{ code: 'NO_SEP' }] });
    expect(bad.message).toBe('DS in test. matches no DNSKEY in bad-ds.test.');
    const expired = await probe('www.expired-sig.test');
    expect(expired.chain.at(-1)).toMatchObject({ zone: 'expired-sig.test.', status: 'bogus', errors: [{ code: 'EXPIRATION_IN_PAST' }] });
    const insecure = await probe('www.insecure.test');
    expect(insecure.chain.at(-1)).toMatchObject({ zone: 'insecure.test.', status: 'insecure', errors: [{ code: 'NO_DS_PROVEN' }] });
  });

  it('treats RSASHA1 as unsupported, hence insecure, with strict algorithms', async () => {
    const ev = await probe('www.rsasha1.test', { strictAlgorithms: true });
    expect({ status: ev.status, reason: ev.reason }).toEqual({ status: 'insecure', reason: 'ALGORITHM_NOT_SUPPORTED' });
  });

  it('uses the configured clock: the whole tree has expired 60 days later', async () => {
    const ev = await probe('good.example.test', { now: new Date(NOW.getTime() + 60 * DAY) });
    expect({ status: ev.status, reason: ev.reason, zone: ev.chain[0]!.zone }).toEqual({ status: 'bogus', reason: 'EXPIRATION_IN_PAST', zone: '.' });
  });

  it('is bogus at the root under the IANA root anchors', async () => {
    const ev = await probe('good.example.test', { anchors: defaultRootAnchors() });
    expect({ status: ev.status, reason: ev.reason }).toEqual({ status: 'bogus', reason: 'NO_TRUST_ANCHOR_SIGNING' });
  });
});
