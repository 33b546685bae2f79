import { Connector } from '../../src/engine/connector.js';
import type { TlsVulnerability } from '../../src/evidence/tls-vulnerabilities.js';
import { enumerateTls } from '../../src/probes/tls/enumerate.js';
import { probeVulnerabilities } from '../../src/probes/tls/vuln/probe-vulnerabilities.js';

/** Enumerates 127.0.0.1:port, then runs the weakness probes; returns them by id with the connections they used. */
export async function vulnerabilitiesAt(port: number, timeoutMs = 3000): Promise<{ byId: Map<string, TlsVulnerability>; connections: number }> {
  const connector = new Connector({ maxConnections: 4, timeoutMs });
  const where = { connector, address: '127.0.0.1', port, sni: 'lab.example.test' };
  const found = await enumerateTls(where);
  const before = connector.connectionsTo('127.0.0.1', port);
  const list = await probeVulnerabilities({ ...where, protocols: found.protocols, groups: found.groups });
  return { byId: new Map(list.map((v) => [v.id, v])), connections: connector.connectionsTo('127.0.0.1', port) - before };
}

/** id → vulnerable, for compact assertions. */
export function verdicts(byId: Map<string, TlsVulnerability>): Record<string, boolean | null> {
  return Object.fromEntries([...byId].map(([id, v]) => [id, v.vulnerable]));
}
