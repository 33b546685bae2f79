import net from 'node:net';
import type { Connector } from '../../engine/connector.js';
import type { EndpointHttp, HttpEvidence, HttpHop, SecurityTxt } from '../../evidence/http.js';
import { parseHsts } from '../../http/hsts.js';
import { followRedirects, type ResolveHost } from './redirects.js';
import { fetchDocument, httpGet } from './request.js';
import { emptyFields, parseSecurityTxt } from '../../http/security-txt.js';

export interface ProbeHttpOptions {
  /** A-label (or IP literal). */
  host: string;
  /** Logical HTTPS port, usually 443. */
  port: number;
  /** The host's addresses from encscan's resolver. */
  addresses: string[];
  resolve: ResolveHost;
  connector: Connector;
  signal?: AbortSignal;
  /** Per request. */
  timeoutMs: number;
}

export interface HttpProbeResult {
  http: HttpEvidence;
  endpoints: Array<{ address: string; http: EndpointHttp }>;
}

/**
 * The HTTPS answer of every address, plus the redirect chains from http://host/ and https://host[:port]/.
 * HSTS comes from the first HTTPS response of the host itself, since browsers honour it only there.
 */
export async function probeHttp(opts: ProbeHttpOptions): Promise<HttpProbeResult> {
  const urlHost = net.isIPv6(opts.host) ? `[${opts.host}]` : opts.host;
  const httpsUrl = new URL(`https://${urlHost}${opts.port === 443 ? '' : `:${opts.port}`}/`);
  const httpUrl = new URL(`http://${urlHost}/`);
  const self = httpsUrl.hostname;
  // Chains start on the address the endpoints use, so they need no extra lookup for the host itself.
  const resolve: ResolveHost = (h) => (h === self ? Promise.resolve(opts.addresses[0] ?? null) : opts.resolve(h));
  const common = { connector: opts.connector, signal: opts.signal, timeoutMs: opts.timeoutMs };

  const [endpointHops, httpChain, httpsChain, securityTxt] = await Promise.all([
    Promise.all(opts.addresses.map((address) => httpGet({ url: httpsUrl, address, ...common }))),
    followRedirects({ start: httpUrl, resolve, ...common }),
    followRedirects({ start: httpsUrl, resolve, ...common }),
    fetchSecurityTxt(new URL('/.well-known/security.txt', httpsUrl), opts.addresses[0], common),
  ]);

  const answered = [...endpointHops, ...httpsChain.slice(0, 1)].find((h: HttpHop) => h.status !== null);
  return {
    http: {
      redirects: { http: httpChain, https: httpsChain },
      hsts: answered ? parseHsts(answered.sts) : null,
      ...(securityTxt ? { securityTxt } : {}),
    },
    endpoints: opts.addresses.map((address, i) => ({ address, http: { https: endpointHops[i]! } })),
  };
}

/** RFC 9116 §3: the file lives at /.well-known/security.txt and must be served over HTTPS. */
async function fetchSecurityTxt(
  url: URL,
  address: string | undefined,
  common: Pick<ProbeHttpOptions, 'connector' | 'signal' | 'timeoutMs'>,
): Promise<SecurityTxt | undefined> {
  if (address === undefined) return undefined;
  const doc = await fetchDocument({ url, address, ...common, maxBodyBytes: 32 * 1024 });
  if (doc.hop.status === 200 && doc.body !== null) return parseSecurityTxt(url.href, doc.contentType, doc.body);
  const missing: SecurityTxt = { url: url.href, status: doc.hop.status, contentType: doc.contentType, signed: false, fields: emptyFields(), errors: [] };
  if (doc.hop.error !== undefined) missing.error = doc.hop.error;
  return missing;
}
