// One plain-HTTP exchange for PKI material (caIssuers certificates, OCSP): RFC 5280 §4.2.2.1 and
// RFC 6960 Appendix A name http only, so https is refused rather than followed. The socket comes
// from the Connector to an address encscan's resolver found; the whole exchange is bounded in
// time and size, and a body over the limit is an error, not a truncated answer.
import { Client } from 'undici';
import type { Connector } from '../../engine/connector.js';
import { Deadline } from '../../engine/budget.js';
import { EncscanError, errorCode } from '../../engine/errors.js';

export interface PlainHttpRequest {
  url: URL;
  /** IP from encscan's resolver for the URL's host. */
  address: string;
  connector: Connector;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  /** POST this body with the content type; GET when absent. */
  post?: { contentType: string; body: Uint8Array };
  accept: string;
}

export interface PlainHttpResponse {
  status: number;
  contentType: string | null;
  body: Uint8Array;
}

/** Throws EncscanError: ENCSCAN_HTTP (not http, too large, reset), ENCSCAN_TIMEOUT, connect codes. */
export async function plainHttp(req: PlainHttpRequest): Promise<PlainHttpResponse> {
  if (req.url.protocol !== 'http:') throw new EncscanError('ENCSCAN_HTTP', `${req.url.protocol} URL: only http is fetched`);
  const port = req.url.port === '' ? 80 : Number(req.url.port);
  const deadline = new Deadline(req.timeoutMs, req.signal, `${req.post ? 'POST' : 'GET'} ${req.url.href}`);
  const client = new Client(req.url.origin, {
    connect: (_opts, callback) => {
      req.connector.tcp(req.address, port, deadline.signal).then(
        (socket) => callback(null, socket),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null),
      );
    },
    headersTimeout: req.timeoutMs,
    bodyTimeout: req.timeoutMs,
    maxHeaderSize: 16 * 1024,
  });
  try {
    const res = await client.request({
      method: req.post ? 'POST' : 'GET',
      path: `${req.url.pathname}${req.url.search}`,
      headers: { 'user-agent': 'encscan', accept: req.accept, ...(req.post ? { 'content-type': req.post.contentType } : {}) },
      body: req.post ? Buffer.from(req.post.body) : undefined,
      signal: deadline.signal,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > req.maxBytes) throw new EncscanError('ENCSCAN_HTTP', `${req.url.href}: body larger than ${req.maxBytes} bytes`);
      chunks.push(chunk);
    }
    const type = res.headers['content-type'];
    return { status: res.statusCode, contentType: (Array.isArray(type) ? type[0] : type) ?? null, body: new Uint8Array(Buffer.concat(chunks)) };
  } catch (err) {
    if (err instanceof EncscanError) throw err;
    const reason = deadline.signal.reason;
    if (reason instanceof EncscanError) throw reason;
    const code = errorCode(err);
    throw new EncscanError(code === 'ENCSCAN_INTERNAL' ? 'ENCSCAN_HTTP' : code, `${req.url.href}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    deadline.clear();
    await client.destroy().catch(() => undefined);
  }
}
