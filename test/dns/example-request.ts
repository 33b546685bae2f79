import type { ExchangeRequest } from '../../src/probes/dns/transport.js';

/** A query to the example.test server at its logical address, as the DNS tests send it. */
export function exampleRequest(over: Partial<ExchangeRequest> = {}): ExchangeRequest {
  return {
    server: { address: '127.0.53.3', port: 53 },
    name: 'good.example.test',
    type: 'A',
    recursionDesired: false,
    dnssecOk: true,
    checkingDisabled: true,
    tcpOnly: false,
    timeoutMs: 1000,
    retries: 0,
    log: [],
    ...over,
  };
}
