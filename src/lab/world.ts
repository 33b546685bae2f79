import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorldDescriptor } from '../engine/world.js';
import { startDnsServer } from './dns-server.js';
import { LAB_DNS_SCENARIOS, LAB_WEB_HOSTS } from './hosts.js';
import { LAB_NS, labZones } from './lab-zones.js';
import { createLabPki } from './pki.js';
import { startWebHost } from './web-servers.js';

export interface Lab {
  worldFile: string;
  descriptor: WorldDescriptor;
  stop(): Promise<void>;
}

/**
 * Starts the embedded lab on loopback without root: DNS servers, HTTPS and HTTP listeners on
 * 127.0.0.1 ephemeral ports, a fresh CA, and a world descriptor that maps the logical addresses and
 * ports (53, 80, 443) to them.
 */
export async function startLab(opts: { dir?: string; now?: Date } = {}): Promise<Lab> {
  const now = opts.now ?? new Date();
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'encscan-lab-'));
  mkdirSync(dir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const portMap: Record<string, string> = {};
  try {
    const tree = labZones(now);
    for (const { address, zone } of tree.servers) {
      const server = await startDnsServer({ zones: [zone], host: '127.0.0.1', port: 0 });
      stops.push(() => server.close());
      portMap[`${address}:53`] = `127.0.0.1:${server.port}`;
    }
    const pki = await createLabPki(now);
    const web = await Promise.all(LAB_WEB_HOSTS.map((h) => startWebHost(h, pki, now)));
    for (const w of web) {
      stops.push(() => w.close());
      portMap[`${w.host.address}:443`] = `127.0.0.1:${w.httpsPort}`;
      portMap[`${w.host.address}:80`] = `127.0.0.1:${w.httpPort}`;
    }
    writeFileSync(join(dir, 'lab-ca.pem'), pki.rootPem);
    writeFileSync(join(dir, 'lab-trust-anchor.ds'), tree.trustAnchor);
    const descriptor: WorldDescriptor = {
      world: 'encscan-lab',
      rootHints: [LAB_NS.root],
      caFile: 'lab-ca.pem',
      trustAnchor: 'lab-trust-anchor.ds',
      portMap,
      hosts: [...LAB_WEB_HOSTS, ...LAB_DNS_SCENARIOS].map((h) => ({ name: h.name, description: h.description, expect: h.expect })),
    };
    const worldFile = join(dir, 'world.json');
    writeFileSync(worldFile, `${JSON.stringify(descriptor, null, 2)}\n`);
    return { worldFile, descriptor, stop: () => stopAll(stops) };
  } catch (err) {
    await stopAll(stops);
    throw err;
  }
}

async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  await Promise.allSettled(stops.map((s) => s()));
}
