import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import net from 'node:net';
import { Type, type Static } from '@sinclair/typebox';
import type { SocketAddress } from './connector.js';
import { UsageError, errorMessage } from './errors.js';

/**
 * A world descriptor tells encscan how to reach a private world (the embedded lab): which root hints
 * or resolver to use, which CA to trust, and where each logical address:port really listens.
 */
export const WorldDescriptor = Type.Object({
  world: Type.String(),
  rootHints: Type.Optional(Type.Array(Type.String())),
  resolver: Type.Optional(Type.String()),
  caFile: Type.Optional(Type.String({ description: 'PEM file, relative to the descriptor' })),
  trustAnchor: Type.Optional(Type.String({ description: 'DS/DNSKEY file, relative to the descriptor' })),
  portMap: Type.Record(Type.String(), Type.String()),
  hosts: Type.Optional(
    Type.Array(Type.Object({ name: Type.String(), description: Type.String(), expect: Type.Array(Type.String()) })),
  ),
});
export type WorldDescriptor = Static<typeof WorldDescriptor>;

export interface World {
  name: string;
  file: string;
  descriptor: WorldDescriptor;
  portMap: Map<string, SocketAddress>;
  caFile: string | null;
  trustAnchorFile: string | null;
}

export function loadWorld(file: string): World {
  let descriptor: WorldDescriptor;
  try {
    descriptor = JSON.parse(readFileSync(file, 'utf8')) as WorldDescriptor;
  } catch (err) {
    throw new UsageError(`cannot read world file ${file}: ${errorMessage(err).split('\n')[0]}`, 'ENCSCAN_BAD_FILE');
  }
  if (typeof descriptor?.world !== 'string' || typeof descriptor.portMap !== 'object' || descriptor.portMap === null) {
    throw new UsageError(`world file ${file}: needs "world" and "portMap"`, 'ENCSCAN_BAD_FILE');
  }
  const portMap = new Map<string, SocketAddress>();
  for (const [from, to] of Object.entries(descriptor.portMap)) {
    parseSocketAddress(from, file);
    portMap.set(normaliseKey(from, file), parseSocketAddress(to, file));
  }
  const rel = (p: string | undefined): string | null => (p === undefined ? null : isAbsolute(p) ? p : join(dirname(file), p));
  return { name: descriptor.world, file, descriptor, portMap, caFile: rel(descriptor.caFile), trustAnchorFile: rel(descriptor.trustAnchor) };
}

/** "1.2.3.4:53" or "[::1]:53" with an explicit port. */
export function parseSocketAddress(text: string, where: string): SocketAddress {
  const m = /^\[([^\]]+)\]:(\d{1,5})$/.exec(text) ?? /^([^:]+):(\d{1,5})$/.exec(text);
  const port = Number(m?.[2]);
  if (!m || net.isIP(m[1]!) === 0 || port < 1 || port > 65535) {
    throw new UsageError(`${where}: "${text}" is not an IP address with a port`, 'ENCSCAN_BAD_FILE');
  }
  return { address: m[1]!, port };
}

function normaliseKey(text: string, where: string): string {
  const { address, port } = parseSocketAddress(text, where);
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
