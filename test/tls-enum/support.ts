import { Connector } from '../../src/engine/connector.js';
import { enumerateTls, type TlsEnumeration } from '../../src/probes/tls/enumerate.js';
import { startTlsResponder } from '../../src/lab/tls-responder.js';
import type { TlsPolicy } from '../../src/lab/tls-responder-answer.js';

export async function enumeratePort(port: number, opts: { timeoutMs?: number; maxConnections?: number } = {}): Promise<TlsEnumeration> {
  const connector = new Connector({ maxConnections: opts.maxConnections ?? 4, timeoutMs: opts.timeoutMs ?? 3000 });
  return enumerateTls({ connector, address: '127.0.0.1', port, sni: 'lab.example.test' });
}

/** Starts a responder for `policy`, enumerates it, stops it. */
export async function enumeratePolicy(policy: TlsPolicy): Promise<{ found: TlsEnumeration; connections: number }> {
  const responder = await startTlsResponder(policy);
  try {
    const found = await enumeratePort(responder.port);
    return { found, connections: responder.connections };
  } finally {
    await responder.close();
  }
}

/** A protocol entry reduced to what a policy determines: version, suite codes, order flag and groups. */
export function summary(found: TlsEnumeration) {
  return found.protocols.map((p) => ({
    version: p.version,
    supported: p.supported,
    suites: p.cipherSuites.map((s) => Number(s.code)),
    serverOrder: p.serverOrder,
    groups: p.groups.map((g) => g.code),
    error: p.error,
  }));
}
