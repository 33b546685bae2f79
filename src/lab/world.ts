import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorldDescriptor } from '../engine/world.js';
import { startDnsServer } from './dns-server.js';
import { LAB_DNS_SCENARIOS, LAB_WEB_HOSTS } from './hosts.js';
import { LAB_NS, labZones } from './lab-zones.js';
import { LAB_MX_HOST, labDaneRecords } from './lab-dane.js';
import { createLabPki, type IssuedCert, type LabPki } from './pki.js';
import { startSmtpServer } from './smtp-server.js';
import { startWebHost } from './web-servers.js';

const DAY = 86_400_000;

export interface Lab {
  worldFile: string;
  descriptor: WorldDescriptor;
  stop(): Promise<void>;
}

/**
 * Starts the embedded lab on loopback without root: a fresh CA, HTTPS and HTTP listeners and an
 * SMTP server with STARTTLS on 127.0.0.1 ephemeral ports, then the DNS servers (the signed zones carry
 * TLSA records for the certificates just issued), and a world descriptor that maps the logical
 * addresses and ports (25, 53, 80, 443) to them.
 */
export async function startLab(opts: { dir?: string; now?: Date } = {}): Promise<Lab> {
  const now = opts.now ?? new Date();
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'encscan-lab-'));
  mkdirSync(dir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const portMap: Record<string, string> = {};
  try {
    const pki = await createLabPki(now);
    // Certificates first: the TLSA records in the signed zone are computed from them.
    const issued = new Map<string, IssuedCert>();
    const recording = (name: string): LabPki => ({ ...pki, issueLeaf: async (o) => remember(issued, name, await pki.issueLeaf(o)) });
    const web = await Promise.all(LAB_WEB_HOSTS.map((h) => startWebHost(h, recording(h.name), now)));
    for (const w of web) {
      stops.push(() => w.close());
      portMap[`${w.host.address}:443`] = `127.0.0.1:${w.httpsPort}`;
      portMap[`${w.host.address}:80`] = `127.0.0.1:${w.httpPort}`;
    }
    const mxCert = await pki.issueLeaf({ names: [LAB_MX_HOST.name], notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 80 * DAY) });
    const smtp = await startSmtpServer({ variant: 'starttls', key: mxCert.keyPem, cert: mxCert.chainPem, hostname: LAB_MX_HOST.name });
    stops.push(() => smtp.close());
    portMap[`${LAB_MX_HOST.address}:25`] = `127.0.0.1:${smtp.port}`;
    const dane = labDaneRecords({ goodLeaf: issued.get('good.example.test')!.der, mxLeaf: mxCert.der, intermediate: pki.intermediateDer });
    const tree = labZones(now, dane);
    for (const { address, zone } of tree.servers) {
      const server = await startDnsServer({ zones: [zone], host: '127.0.0.1', port: 0 });
      stops.push(() => server.close());
      portMap[`${address}:53`] = `127.0.0.1:${server.port}`;
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

function remember(issued: Map<string, IssuedCert>, name: string, cert: IssuedCert): IssuedCert {
  issued.set(name, cert);
  return cert;
}

async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  await Promise.allSettled(stops.map((s) => s()));
}
