import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorldDescriptor } from '../engine/world.js';
import { startDnsServer } from './dns-server.js';
import { LAB_DNS_SCENARIOS, LAB_WEB_HOSTS } from './hosts.js';
import { LAB_NS, labZones } from './lab-zones.js';
import { labDaneRecords, labDaneZones, startRootSendingHost } from './lab-dane.js';
import { startLabMail } from './lab-mail.js';
import { createLabPki, type IssuedCert, type LabPki } from './pki.js';
import { startWebHost } from './web-servers.js';
import { LAB_TLS_HOSTS, startLabTlsHosts } from './tls-hosts.js';
import { LAB_PKI_ADDRESS, LAB_PKI_RECORDS, startLabPkiServer } from './lab-aia.js';
import { labOcspResponder } from './lab-ocsp.js';

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
    const ocsp = labOcspResponder(pki, now);
    const web = await Promise.all([...LAB_WEB_HOSTS.flatMap((h) => (h.twin ? [h, { ...h, ...h.twin }] : [h])).map((h) => startWebHost(h, recording(h.name), now, ocsp)), startRootSendingHost(pki, now)]);
    for (const w of web) {
      stops.push(() => w.close());
      portMap[`${w.host.address}:443`] = `127.0.0.1:${w.httpsPort}`;
      portMap[`${w.host.address}:80`] = `127.0.0.1:${w.httpPort}`;
    }
    // Scripted responders: configurations no TLS library serves (SSLv2, export, …); hellos only.
    const responders = await startLabTlsHosts();
    stops.push(() => responders.stop());
    Object.assign(portMap, responders.portMap);
    const pkiServer = await startLabPkiServer(pki.intermediateDer, ocsp);
    stops.push(() => pkiServer.close());
    portMap[`${LAB_PKI_ADDRESS}:80`] = `127.0.0.1:${pkiServer.port}`;
    const mail = await startLabMail(pki, now);
    stops.push(() => mail.stop());
    Object.assign(portMap, mail.portMap);
    const certs = { goodLeaf: issued.get('good.example.test')!.der, mxLeaves: mail.leaves, intermediate: pki.intermediateDer, root: pki.rootDer };
    const tree = labZones(now, [...labDaneRecords(certs), ...LAB_PKI_RECORDS], labDaneZones(certs));
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
      hosts: [...LAB_WEB_HOSTS, ...LAB_TLS_HOSTS, ...LAB_DNS_SCENARIOS].map((h) => ({ name: h.name, description: h.description, expect: h.expect })),
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
