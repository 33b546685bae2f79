import net from 'node:net';
import type { Connector } from '../../engine/connector.js';
import type { CounterpartHttp, EndpointHttp, HstsEvidence, HttpEvidence, RedirectChains, SecurityTxt } from '../../evidence/http.js';
import { parseHsts } from '../../http/hsts.js';
import { compareHsts, httpChainRank, httpsChainRank, worstBy } from '../../http/redirect-verdict.js';
import { followRedirects, type ResolveHost } from './redirects.js';
import { fetchDocument } from './request.js';
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

type Common = Pick<ProbeHttpOptions, 'connector' | 'signal' | 'timeoutMs'>;

/**
 * The redirect chains from http://host/ and https://host[:port]/ once per address, every request for the
 * host itself pinned to that address, so one address with a worse policy cannot hide behind another;
 * evidence.http gets the worst chain of each scheme and the worst HSTS header. HSTS comes from the first
 * HTTPS response of the host itself, since browsers honour it only there. Then the www / apex
 * counterpart's chains, and security.txt.
 */
export async function probeHttp(opts: ProbeHttpOptions): Promise<HttpProbeResult> {
  const common: Common = { connector: opts.connector, signal: opts.signal, timeoutMs: opts.timeoutMs };
  const origin = originOf(opts.host, opts.port);
  const pinned = (address: string | null): ResolveHost => (h) => (h === origin.name ? Promise.resolve(address) : opts.resolve(h));
  const counterpartName = counterpartOf(opts.host);

  const [perAddress, securityTxt, counterpart] = await Promise.all([
    Promise.all((opts.addresses.length > 0 ? opts.addresses : [null]).map((a) => chains(origin.name, opts.port, pinned(a), common))),
    fetchSecurityTxt(new URL('/.well-known/security.txt', origin.https), opts.addresses[0], common),
    counterpartName === null ? Promise.resolve(undefined) : probeCounterpart(counterpartName, opts, pinned(opts.addresses[0] ?? null), common),
  ]);

  const hsts = perAddress.map(firstHsts).sort(compareHsts)[0] ?? null;
  return {
    http: {
      redirects: {
        http: worstBy(perAddress.map((c) => c.http), httpChainRank)!,
        https: worstBy(perAddress.map((c) => c.https), httpsChainRank)!,
      },
      hsts,
      ...(counterpart ? { counterpart } : {}),
      ...(securityTxt ? { securityTxt } : {}),
    },
    endpoints: opts.addresses.map((address, i) => {
      const c = perAddress[i]!;
      return { address, http: { https: c.https[0]!, redirects: c, hsts: firstHsts(c) } };
    }),
  };
}

function originOf(host: string, port: number): { name: string; https: URL } {
  const https = new URL(`https://${net.isIPv6(host) ? `[${host}]` : host}${port === 443 ? '' : `:${port}`}/`);
  return { name: https.hostname, https };
}

/** Both chains of one origin, each starting with a request for the host itself. */
async function chains(name: string, port: number, resolve: ResolveHost, common: Common): Promise<RedirectChains> {
  const { https } = originOf(name, port);
  const [http, secure] = await Promise.all([
    followRedirects({ start: new URL(`http://${https.host.replace(/:\d+$/, '')}/`), resolve, ...common }),
    followRedirects({ start: https, resolve, ...common }),
  ]);
  return { http, https: secure };
}

function firstHsts(c: RedirectChains): HstsEvidence | null {
  const first = c.https[0];
  return first !== undefined && first.status !== null ? parseHsts(first.sts) : null;
}

/** www.<host>, or <host> without its www. label; none for IP literals. */
export function counterpartOf(host: string): string | null {
  if (net.isIP(host) !== 0) return null;
  const lower = host.toLowerCase().replace(/\.$/, '');
  if (lower.startsWith('www.')) return lower.slice(4).includes('.') ? lower.slice(4) : null;
  return `www.${lower}`;
}

async function probeCounterpart(name: string, opts: ProbeHttpOptions, resolveSelf: ResolveHost, common: Common): Promise<CounterpartHttp> {
  const address = await opts.resolve(name).catch(() => null);
  if (address === null) return { name, address: null, redirects: { http: [], https: [] }, hsts: null };
  const resolve: ResolveHost = (h) => (h === name ? Promise.resolve(address) : resolveSelf(h));
  const c = await chains(name, opts.port, resolve, common);
  return { name, address, redirects: c, hsts: firstHsts(c) };
}

/** RFC 9116 §3: the file lives at /.well-known/security.txt and must be served over HTTPS. */
async function fetchSecurityTxt(url: URL, address: string | undefined, common: Common): Promise<SecurityTxt | undefined> {
  if (address === undefined) return undefined;
  const doc = await fetchDocument({ url, address, ...common, maxBodyBytes: 32 * 1024 });
  if (doc.hop.status === 200 && doc.body !== null) return parseSecurityTxt(url.href, doc.contentType, doc.body);
  const missing: SecurityTxt = { url: url.href, status: doc.hop.status, contentType: doc.contentType, signed: false, fields: emptyFields(), errors: [] };
  if (doc.hop.error !== undefined) missing.error = doc.hop.error;
  return missing;
}
