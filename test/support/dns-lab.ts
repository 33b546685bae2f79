// A lab for a DNS test file: started before its tests, stopped after, with a connector through the
// lab's port map and the lab's trust anchors.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { parseTrustAnchors, type TrustAnchor } from '../../src/dnssec/trust-anchor.js';
import { Connector } from '../../src/engine/connector.js';
import { loadWorld } from '../../src/engine/world.js';
import { startLab, type Lab } from '../../src/lab/world.js';

export interface DnsLab {
  connector: Connector;
  anchors: TrustAnchor[];
}

export function useDnsLab(now: Date): DnsLab {
  const ctx = {} as DnsLab;
  let lab: Lab | undefined;
  beforeAll(async () => {
    lab = await startLab({ now });
    const world = loadWorld(lab.worldFile);
    ctx.connector = new Connector({ portMap: world.portMap, maxConnections: 4, timeoutMs: 2000 });
    ctx.anchors = parseTrustAnchors(readFileSync(world.trustAnchorFile!, 'utf8'));
  }, 30_000);
  afterAll(async () => {
    await lab?.stop();
  });
  return ctx;
}
