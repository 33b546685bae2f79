import { Client, errors, type buildConnector } from 'undici';
import type { Connector } from '../../engine/connector.js';
import { Deadline } from '../../engine/budget.js';
import { errorCode, type ErrorCode } from '../../engine/errors.js';
import type { HttpHop } from '../../evidence/http.js';

export interface HttpGetOptions {
  url: URL;
  /** IP from encscan's resolver; the socket goes there, never to a name. */
  address: string;
  connector: Connector;
  signal?: AbortSignal;
  /** Bounds the whole request: connect, handshake, headers and body. */
  timeoutMs: number;
  /** Body bytes read (and discarded) at most; default 64 KiB. */
  maxBodyBytes?: number;
}

const MAX_HEADER_BYTES = 64 * 1024;
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

// Trust is judged by the TLS and PKI probes; here any certificate and any protocol must do.
const TLS_OPTIONS = { rejectUnauthorized: false, minVersion: 'TLSv1', ciphers: 'ALL:@SECLEVEL=0' } as const;

/** One GET, no redirect following. Network failures come back as a hop with `error`, never as a throw. */
export async function httpGet(opts: HttpGetOptions): Promise<HttpHop> {
  return (await request(opts, false)).hop;
}

export interface TextDocument {
  hop: HttpHop;
  contentType: string | null;
  /** The body as bytes read (at most maxBodyBytes), or null when no response came. */
  body: Uint8Array | null;
}

/** One GET that keeps the (capped) body: small policy documents such as security.txt. */
export function fetchDocument(opts: HttpGetOptions): Promise<TextDocument> {
  return request(opts, true);
}

async function request(opts: HttpGetOptions, keepBody: boolean): Promise<TextDocument> {
  const hop: HttpHop = { url: opts.url.href, address: opts.address, status: null, location: null, sts: [], server: null };
  let contentType: string | null = null;
  let body: Uint8Array | null = null;
  const deadline = new Deadline(opts.timeoutMs, opts.signal, `GET ${opts.url.href}`);
  const client = new Client(opts.url.origin, {
    connect: connectVia(opts.url, opts.address, opts.connector, deadline.signal),
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
  });
  try {
    const res = await client.request({
      method: 'GET',
      path: `${opts.url.pathname}${opts.url.search}`,
      headers: { 'user-agent': 'encscan', accept: '*/*' },
      signal: deadline.signal,
    });
    hop.status = res.statusCode;
    hop.location = first(res.headers['location']);
    hop.sts = all(res.headers['strict-transport-security']);
    hop.server = first(res.headers['server']);
    contentType = first(res.headers['content-type']);
    // Redirect bodies tell us nothing, but draining a little lets well-behaved servers finish cleanly.
    body = await readCapped(res.body, opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, keepBody);
  } catch (err) {
    if (hop.status === null) hop.error = httpErrorCode(err);
  } finally {
    deadline.clear();
    await client.destroy().catch(() => undefined);
  }
  return { hop, contentType, body };
}

/**
 * undici's connect hook: the socket always goes through the Connector to `address` at the URL's
 * logical port, with SNI from the URL, so undici never resolves a name or dials on its own.
 */
function connectVia(url: URL, address: string, connector: Connector, signal: AbortSignal): buildConnector.connector {
  const port = logicalPort(url);
  const servername = url.hostname.replace(/^\[|\]$/g, '');
  return (_opts, callback) => {
    const socket =
      url.protocol === 'https:'
        ? connector.tls({ address, port, servername, signal, options: TLS_OPTIONS })
        : connector.tcp(address, port, signal);
    socket.then(
      (s) => callback(null, s),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
    );
  };
}

function logicalPort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Reads at most `max` bytes (kept only when asked), then drops the stream; errors past the headers do not matter. */
async function readCapped(body: AsyncIterable<Buffer>, max: number, keep: boolean): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let seen = 0;
  try {
    for await (const chunk of body) {
      if (keep) chunks.push(chunk.subarray(0, max - seen));
      seen += chunk.length;
      if (seen >= max) break;
    }
  } catch {
    // Timeout or reset mid-body: status and headers are already recorded.
  }
  return keep ? new Uint8Array(Buffer.concat(chunks)) : null;
}

function httpErrorCode(err: unknown): ErrorCode {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return 'ENCSCAN_HTTP_HEADERS_TOO_LARGE';
  // llhttp errors do not always carry an HPE_* code (e.g. a reply that is not HTTP at all).
  if (err instanceof errors.HTTPParserError) return 'ENCSCAN_HTTP_BAD_RESPONSE';
  if (code === 'UND_ERR_SOCKET') return 'ENCSCAN_HTTP'; // closed mid-exchange
  return errorCode(err);
}

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function all(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value];
}
