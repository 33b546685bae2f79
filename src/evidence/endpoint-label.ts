/** "addr:port" with IPv6 in brackets: how findings and budgets name an endpoint. */
export function endpointLabel(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** A TLS endpoint as a check names it in an emission: the engine labels it and decides whether its SNI name shows. */
export interface EndpointRef {
  address: string;
  port: number;
  sni: string | null;
}

const sameName = (a: string, b: string): boolean => a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();

/**
 * The SNI name a finding about `ep` must carry so that readers can tell which name's certificate or
 * configuration it is about: a name other than the target's host, or any name when several names
 * share the address:port. Undefined when address:port alone is unambiguous.
 */
export function distinguishingSni(ep: EndpointRef, endpoints: readonly EndpointRef[], host: string): string | undefined {
  if (ep.sni === null) return undefined;
  const shared = endpoints.some((o) => o.address === ep.address && o.port === ep.port && o.sni !== ep.sni);
  return shared || !sameName(ep.sni, host) ? ep.sni : undefined;
}
