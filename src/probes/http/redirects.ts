import net from 'node:net';
import type { Connector } from '../../engine/connector.js';
import { errorCode } from '../../engine/errors.js';
import type { HttpHop } from '../../evidence/http.js';
import { httpGet } from './request.js';

/** encscan's resolver: one IP for a host name, or null when it has none. */
export type ResolveHost = (host: string) => Promise<string | null>;

export interface FollowRedirectsOptions {
  start: URL;
  resolve: ResolveHost;
  connector: Connector;
  signal?: AbortSignal;
  /** Per hop. */
  timeoutMs: number;
  /** Requests made at most, the first one included; default 20. */
  maxHops?: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_MAX_HOPS = 20;

/**
 * Follows a redirect chain from `start`, one GET per hop. Stops on a non-redirect, a Location that is
 * not http(s) or not a URL, a failed hop, a loop (flagged on the hop that would revisit a URL) or the
 * hop limit (flagged on the last hop made).
 */
export async function followRedirects(opts: FollowRedirectsOptions): Promise<HttpHop[]> {
  const maxHops = opts.maxHops ?? DEFAULT_MAX_HOPS;
  const hops: HttpHop[] = [];
  const seen = new Set<string>();
  let url = withoutFragment(opts.start);
  for (;;) {
    seen.add(url.href);
    const hop = await hopTo(url, opts);
    hops.push(hop);
    const next = redirectTarget(hop, url);
    if (next === null) return hops;
    if (seen.has(next.href)) {
      hop.error = 'ENCSCAN_HTTP_REDIRECT_LOOP';
      return hops;
    }
    if (hops.length >= maxHops) {
      hop.error = 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS';
      return hops;
    }
    url = next;
  }
}

async function hopTo(url: URL, opts: FollowRedirectsOptions): Promise<HttpHop> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let address: string | null;
  try {
    address = net.isIP(host) !== 0 ? host : await opts.resolve(host);
  } catch (err) {
    return failedHop(url, errorCode(err));
  }
  if (address === null) return failedHop(url, 'ENCSCAN_DNS_NO_ADDRESS');
  return httpGet({ url, address, connector: opts.connector, signal: opts.signal, timeoutMs: opts.timeoutMs });
}

function failedHop(url: URL, error: string): HttpHop {
  return { url: url.href, address: null, status: null, location: null, sts: [], server: null, error };
}

/** The next URL to request, or null when the chain ends here. */
function redirectTarget(hop: HttpHop, current: URL): URL | null {
  if (hop.status === null || !REDIRECT_STATUSES.has(hop.status) || hop.location === null) return null;
  let next: URL;
  try {
    next = new URL(hop.location, current);
  } catch {
    return null;
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') return null;
  return withoutFragment(next);
}

// Fragments never reach the server, so /a#x and /a are the same request (and a loop).
function withoutFragment(url: URL): URL {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy;
}
