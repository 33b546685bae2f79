import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { LAB_TLS_HOSTS, startLabTlsHosts } from '../../src/lab/tls-hosts.js';
import { enumerateTls } from '../../src/probes/tls/enumerate.js';
import { suitesFor } from '../../src/probes/tls/offers.js';
import { ssl2Kinds } from '../../src/tls/cipher-suites.js';
import type { HelloVersion } from '../../src/tls/client-hello-builder.js';

let lab: Awaited<ReturnType<typeof startLabTlsHosts>>;
beforeAll(async () => {
  lab = await startLabTlsHosts();
});
afterAll(() => lab.stop());

const portMap = () => new Map(Object.entries(lab.portMap).map(([k, v]) => [k, { address: v.split(':')[0]!, port: Number(v.split(':')[1]) }]));

describe('lab TLS hosts, reached through the port map', () => {
  it.each(LAB_TLS_HOSTS.map((h) => [h.name, h] as const))('%s: enumeration finds its policy', async (_name, host) => {
    const connector = new Connector({ portMap: portMap(), maxConnections: 4, timeoutMs: 3000 });
    const found = await enumerateTls({ connector, address: host.address, port: 443, sni: host.name });
    for (const p of found.protocols) {
      const version = p.version as 'SSLv2' | HelloVersion;
      const want = p.version === 'SSLv2' ? (host.policy.ssl2Kinds ?? []) : (host.policy.suites[version as HelloVersion] ?? []);
      const served = host.policy.versions.includes(version);
      const codes = p.cipherSuites.map((s) => Number(s.code));
      expect(p.supported, p.version).toBe(served);
      const inClientOrder = version === 'SSLv2' ? ssl2Kinds() : suitesFor(version);
      expect(codes, p.version).toEqual(!served ? [] : host.policy.serverOrder ? [...want] : inClientOrder.filter((c) => want.includes(c)));
    }
    expect(found.connections).toBe(connector.connectionsTo(host.address, 443));
  });
});
