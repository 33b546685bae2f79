// A small signed DNS tree on port 53 for the DANE interop tests (root only): ".", "test." and
// "dane.test." each served by encscan's lab DNS server on a loopback address of its own, a world
// file for encscan, and a validating Unbound for the tools that need a resolver (ldns-dane,
// posttls-finger). Everything is stopped by stop(), servers by their pid.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDnsServer, type DnsServer } from '../../src/lab/dns-server.js';
import { delegation, soaRecord, type LabRecord, type LabZone } from '../../src/lab/zone.js';
import { createLabKey, dsPresentation, dsRecord, signZone, type LabKey } from '../../src/lab/zone-signer.js';
import { startUnbound, type Server } from '../support/interop-servers.js';

export const TREE = { root: '127.0.53.23', test: '127.0.53.24', dane: '127.0.53.25', resolver: '127.0.53.26' } as const;
const DAY = 86_400_000;
/** Outside test., so its address is data of the root zone itself, not glue below a cut. */
const ROOT_NS = 'ns.interop-root';

export interface DaneTree {
  worldFile: string;
  /** DS of the root KSK, as a trust-anchor file. */
  anchorFile: string;
  /** Where ldns-dane and posttls-finger send their queries: Unbound, validating from anchorFile. */
  resolver: string;
  stop(): Promise<void>;
}

interface Planned {
  zone: LabZone;
  key: LabKey;
  address: string;
}

function planned(origin: string, address: string, records: LabRecord[]): Planned {
  const ns = origin === '.' ? ROOT_NS : `ns.${origin}`;
  const apex: LabRecord[] = [soaRecord(origin), { name: origin, type: 'NS', data: ns }, ...(origin === '.' ? [] : [{ name: ns, type: 'A', data: address }])];
  return { zone: { origin, records: [...apex, ...records] }, key: createLabKey(13, 257), address };
}

/** Starts the tree with `records` in dane.test., then Unbound; `caFile` goes into the world file. */
export async function startDaneTree(dir: string, records: LabRecord[], caFile: string, unbound: string): Promise<DaneTree> {
  const now = Date.now();
  const dane = planned('dane.test', TREE.dane, records);
  const test = planned('test', TREE.test, [...delegation('dane.test', [{ name: 'ns.dane.test', address: TREE.dane }]), dsRecord('dane.test', dane.key)]);
  const root = planned('.', TREE.root, [...delegation('test', [{ name: 'ns.test', address: TREE.test }]), { name: ROOT_NS, type: 'A', data: TREE.root }, dsRecord('test', test.key)]);
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => void (await Promise.allSettled(stops.reverse().map((s) => s())));
  try {
    for (const p of [root, test, dane]) {
      const zone = signZone(p.zone, { keys: [p.key], inception: new Date(now - DAY), expiration: new Date(now + 30 * DAY) });
      const server: DnsServer = await startDnsServer({ zones: [zone], host: p.address, port: 53 });
      stops.push(() => server.close());
    }
    const anchorFile = join(dir, 'root-anchor.ds');
    writeFileSync(anchorFile, `${dsPresentation('.', root.key)}\n`);
    const worldFile = join(dir, 'world.json');
    writeFileSync(worldFile, JSON.stringify({ world: 'dane-interop', rootHints: [TREE.root], caFile, trustAnchor: anchorFile, portMap: {} }));
    const resolver = await startResolver(dir, anchorFile, unbound);
    stops.push(() => resolver.stop());
    return { worldFile, anchorFile, resolver: TREE.resolver, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Unbound knowing only our root. */
async function startResolver(dir: string, anchorFile: string, unbound: string): Promise<Server> {
  const hints = join(dir, 'root.hints');
  writeFileSync(hints, `. 3600 IN NS ${ROOT_NS}.\n${ROOT_NS}. 3600 IN A ${TREE.root}\n`);
  return startUnbound(dir, { address: TREE.resolver, hints, anchor: anchorFile, env: process.env, unbound });
}
