// Where iterative resolution starts, and how users name DNS servers on the command line.
import net from 'node:net';
import type { SocketAddress } from '../../engine/connector.js';
import { UsageError } from '../../engine/errors.js';
import { canonicalName } from './names.js';
import { ipVersion } from '../../engine/ip.js';

/**
 * IANA's named.root (https://www.internic.net/domain/named.root, "last update: May 28, 2024", root zone
 * 2024052801). Only used when scanning real domains; tests always pass their own hints.
 */
const NAMED_ROOT = `
.                        3600000      NS    A.ROOT-SERVERS.NET.
A.ROOT-SERVERS.NET.      3600000      A     198.41.0.4
A.ROOT-SERVERS.NET.      3600000      AAAA  2001:503:ba3e::2:30
.                        3600000      NS    B.ROOT-SERVERS.NET.
B.ROOT-SERVERS.NET.      3600000      A     170.247.170.2
B.ROOT-SERVERS.NET.      3600000      AAAA  2801:1b8:10::b
.                        3600000      NS    C.ROOT-SERVERS.NET.
C.ROOT-SERVERS.NET.      3600000      A     192.33.4.12
C.ROOT-SERVERS.NET.      3600000      AAAA  2001:500:2::c
.                        3600000      NS    D.ROOT-SERVERS.NET.
D.ROOT-SERVERS.NET.      3600000      A     199.7.91.13
D.ROOT-SERVERS.NET.      3600000      AAAA  2001:500:2d::d
.                        3600000      NS    E.ROOT-SERVERS.NET.
E.ROOT-SERVERS.NET.      3600000      A     192.203.230.10
E.ROOT-SERVERS.NET.      3600000      AAAA  2001:500:a8::e
.                        3600000      NS    F.ROOT-SERVERS.NET.
F.ROOT-SERVERS.NET.      3600000      A     192.5.5.241
F.ROOT-SERVERS.NET.      3600000      AAAA  2001:500:2f::f
.                        3600000      NS    G.ROOT-SERVERS.NET.
G.ROOT-SERVERS.NET.      3600000      A     192.112.36.4
G.ROOT-SERVERS.NET.      3600000      AAAA  2001:500:12::d0d
.                        3600000      NS    H.ROOT-SERVERS.NET.
H.ROOT-SERVERS.NET.      3600000      A     198.97.190.53
H.ROOT-SERVERS.NET.      3600000      AAAA  2001:500:1::53
.                        3600000      NS    I.ROOT-SERVERS.NET.
I.ROOT-SERVERS.NET.      3600000      A     192.36.148.17
I.ROOT-SERVERS.NET.      3600000      AAAA  2001:7fe::53
.                        3600000      NS    J.ROOT-SERVERS.NET.
J.ROOT-SERVERS.NET.      3600000      A     192.58.128.30
J.ROOT-SERVERS.NET.      3600000      AAAA  2001:503:c27::2:30
.                        3600000      NS    K.ROOT-SERVERS.NET.
K.ROOT-SERVERS.NET.      3600000      A     193.0.14.129
K.ROOT-SERVERS.NET.      3600000      AAAA  2001:7fd::1
.                        3600000      NS    L.ROOT-SERVERS.NET.
L.ROOT-SERVERS.NET.      3600000      A     199.7.83.42
L.ROOT-SERVERS.NET.      3600000      AAAA  2001:500:9f::42
.                        3600000      NS    M.ROOT-SERVERS.NET.
M.ROOT-SERVERS.NET.      3600000      A     202.12.27.33
M.ROOT-SERVERS.NET.      3600000      AAAA  2001:dc3::35
`;

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS']);

/**
 * Root server addresses (port 53) from a named.root-style file: IPv4 first, since an IPv6 route is the
 * one more often missing. Addresses of names that are not root NS targets are ignored.
 */
export function parseRootHints(text: string): SocketAddress[] {
  const servers = new Set<string>();
  const addresses: Array<{ owner: string; address: string }> = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const fields = line.replace(/;.*/, '').trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) continue;
    // owner [ttl] [class] type rdata
    const typeAt = fields.findIndex((f, j) => j > 0 && !/^\d+$/.test(f) && !CLASSES.has(f.toUpperCase()));
    const type = fields[typeAt]?.toUpperCase();
    const rdata = fields[typeAt + 1];
    const owner = canonicalName(fields[0] ?? '');
    if (typeAt < 0 || rdata === undefined || fields.length !== typeAt + 2) {
      throw new UsageError(`root hints line ${i + 1}: expected "name [ttl] [class] type data"`, 'ENCSCAN_BAD_FILE');
    }
    if (type === 'NS' && owner === '.') servers.add(canonicalName(rdata));
    if (type === 'A' || type === 'AAAA') {
      if (ipVersion(rdata) !== (type === 'A' ? 4 : 6)) throw new UsageError(`root hints line ${i + 1}: bad ${type} address "${rdata}"`, 'ENCSCAN_BAD_FILE');
      addresses.push({ owner, address: rdata });
    }
  }
  const hints = addresses.filter((a) => servers.has(a.owner)).map((a) => ({ address: a.address, port: 53 }));
  if (hints.length === 0) throw new UsageError('root hints: no addresses for root name servers', 'ENCSCAN_BAD_FILE');
  return [...hints.filter((h) => ipVersion(h.address) === 4), ...hints.filter((h) => ipVersion(h.address) === 6)];
}

let iana: readonly SocketAddress[] | undefined;

/** IANA's root hints, parsed on first use: a scan with --root-hints or --resolver never needs them. */
export function ianaRootHints(): readonly SocketAddress[] {
  return (iana ??= Object.freeze(parseRootHints(NAMED_ROOT)));
}

/** '1.2.3.4', '1.2.3.4:5353', '::1' or '[::1]:5353'. Names are refused: they would need a resolver. */
export function parseServerAddress(s: string, defaultPort = 53): SocketAddress {
  const bracketed = /^\[([^\]]+)\]:(\d{1,5})$/.exec(s);
  const v4WithPort = /^([\d.]+):(\d{1,5})$/.exec(s);
  let address: string | undefined;
  let port = defaultPort;
  if (bracketed?.[1] !== undefined && net.isIPv6(bracketed[1])) [address, port] = [bracketed[1], Number(bracketed[2])];
  else if (v4WithPort?.[1] !== undefined && net.isIPv4(v4WithPort[1])) [address, port] = [v4WithPort[1], Number(v4WithPort[2])];
  else if (net.isIP(s) !== 0) address = s;
  if (address === undefined || port < 1 || port > 65535) {
    throw new UsageError(`DNS server must be an IP address with optional port (1.2.3.4:53, [::1]:53), got "${s}"`);
  }
  return { address, port };
}
