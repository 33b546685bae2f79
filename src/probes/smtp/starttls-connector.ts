// The TLS engine's crafted hellos over SMTP: a view of the Connector whose plain TCP connections
// have each gone through banner, EHLO and STARTTLS before the caller writes its first byte. The
// view shares the Connector's connection slots, port map and circuit breaker.
import type net from 'node:net';
import { withTimeout } from '../../engine/budget.js';
import type { Connector } from '../../engine/connector.js';
import { endpointLabel } from '../../evidence/endpoint-label.js';
import { starttlsPreamble } from './starttls-preamble.js';

type Open = (address: string, port: number, signal?: AbortSignal) => Promise<net.Socket>;

export function starttlsConnector(connector: Connector, helo: string): Connector {
  const withStarttls =
    (open: Open): Open =>
    async (address, port, signal) => {
      const socket = await open(address, port, signal);
      try {
        const { preamble } = starttlsPreamble(helo);
        await withTimeout(connector.timeoutMs, signal, `STARTTLS ${endpointLabel(address, port)}`, (sig) => preamble(socket, sig));
        // The preamble paused the socket for a TLS library; a crafted hello's reader listens in flowing
        // mode, and the server sends nothing before the hello, so nothing can be lost.
        socket.resume();
        return socket;
      } catch (err) {
        connector.recordFailure(endpointLabel(address, port), err);
        socket.destroy();
        throw err;
      }
    };
  const view = Object.create(connector) as Connector;
  view.tcp = withStarttls((a, p, s) => connector.tcp(a, p, s));
  view.probe = withStarttls((a, p, s) => connector.probe(a, p, s));
  return view;
}
