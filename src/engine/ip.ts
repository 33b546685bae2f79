// IP literal tests. Node's isIP/isIPv6 compile a very large IPv6 pattern on first use (about 10 ms of
// start-up here, for every host name checked); text without a colon cannot be IPv6, so it never gets there.
import net from 'node:net';

export function ipVersion(s: string): 0 | 4 | 6 {
  if (s.includes(':')) return net.isIPv6(s) ? 6 : 0;
  return net.isIPv4(s) ? 4 : 0;
}
