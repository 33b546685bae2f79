/** "addr:port" with IPv6 in brackets: how findings and budgets name an endpoint. */
export function endpointLabel(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
