// Mutated answers on the chain walk's path: never a crash, never a verdict outside the four, and a
// mutated signature or key never leaves the answer secure.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { loadWorld } from '../../src/engine/world.js';
import { type Fetch, type Fetched, validateName } from '../../src/dnssec/chain.js';
import { nameToString, parseName } from '../../src/dnssec/name.js';
import { RR, typeName } from '../../src/dnssec/rr-types.js';
import { parseTrustAnchors, type TrustAnchor } from '../../src/dnssec/trust-anchor.js';
import { decodeMessage } from '../../src/dnssec/wire.js';
import { DnsClient } from '../../src/probes/dns/client.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { mutate, rng } from './fuzz.js';

let lab: Lab;
let anchors: TrustAnchor[];
const recorded = new Map<string, Uint8Array>();
/** A CNAME, an NSEC NXDOMAIN, an opt-out NSEC3 delegation and an NSEC3 NODATA. */
const HOSTS = ['www.example.test', 'missing.example.test', 'www.insecure.test', 'www.nsec3.test'];
const NOW = new Date();
const key = (name: readonly Uint8Array[], type: number): string => `${nameToString(name)}/${type}`;

beforeAll(async () => {
  lab = await startLab({ now: NOW });
  const world = loadWorld(lab.worldFile);
  anchors = parseTrustAnchors(readFileSync(world.trustAnchorFile!, 'utf8'));
  const connector = new Connector({ portMap: world.portMap, maxConnections: 4, timeoutMs: 2000 });
  const client = new DnsClient({ connector, mode: { kind: 'iterative', rootHints: [{ address: '127.0.53.1', port: 53 }] }, timeoutMs: 1000, retries: 0 });
  for (const host of HOSTS) {
    await validateName(parseName(`${host}.`), [RR.A, RR.AAAA], {
      anchors, now: NOW,
      fetch: async (name, type) => {
        const r = await client.lookup(nameToString(name), typeName(type));
        recorded.set(key(name, type), r.wire!);
        return { ok: true, message: decodeMessage(r.wire!), server: r.server! };
      },
    });
  }
}, 30_000);

afterAll(async () => {
  await lab?.stop();
});

function replay(mutated: string, bytes: Uint8Array): Fetch {
  return async (name, type): Promise<Fetched> => {
    const k = key(name, type);
    const wire = k === mutated ? bytes : recorded.get(k);
    if (!wire) return { ok: false, code: 'ENCSCAN_DNS_TIMEOUT' };
    try {
      return { ok: true, message: decodeMessage(wire), server: 'replay' };
    } catch {
      return { ok: false, code: 'ENCSCAN_DNS_BAD_RESPONSE' };
    }
  };
}

it('replays the recorded walk with the same verdicts', async () => {
  const verdict = async (host: string) => (await validateName(parseName(`${host}.`), [RR.A, RR.AAAA], { anchors, now: NOW, fetch: replay('', new Uint8Array()) })).status;
  expect(await Promise.all(HOSTS.map(verdict))).toEqual(['secure', 'secure', 'insecure', 'secure']);
});

it('survives 600 mutated answers', async () => {
  const rand = rng(6);
  const keys = [...recorded.keys()];
  const seen = new Set<string>();
  for (let i = 0; i < 600; i++) {
    const k = keys[Math.floor(rand() * keys.length)]!;
    const host = HOSTS[i % HOSTS.length]!;
    const result = await validateName(parseName(`${host}.`), [RR.A, RR.AAAA], { anchors, now: NOW, fetch: replay(k, mutate(recorded.get(k)!, rand)) });
    expect(['secure', 'insecure', 'bogus', 'indeterminate']).toContain(result.status);
    seen.add(result.status);
  }
  expect([...seen].sort()).toEqual(expect.arrayContaining(['bogus', 'indeterminate']));
});

it('never calls a flipped signature or key byte secure', async () => {
  const k = key(parseName('example.test.'), RR.DNSKEY);
  const wire = Buffer.from(recorded.get(k)!);
  const blobs = decodeMessage(wire).answer.map((rr) => rr.rdata.subarray(rr.rdata.length - 20));
  expect(blobs.length).toBe(3); // KSK, ZSK and the KSK's RRSIG
  for (const blob of blobs) {
    const at = wire.indexOf(Buffer.from(blob));
    for (const offset of [0, 7, 19]) {
      const bytes = Uint8Array.from(wire);
      bytes[at + offset]! ^= 0x01;
      const result = await validateName(parseName('good.example.test.'), [RR.A], { anchors, now: NOW, fetch: replay(k, bytes) });
      expect(result.status).toBe('bogus');
    }
  }
});
