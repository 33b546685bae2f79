import net from 'node:net';
import tls from 'node:tls';
import dgram from 'node:dgram';
import { CircuitBreaker, Semaphore, abortError, throwIfAborted, withTimeout } from './budget.js';
import { EncscanError, errorCode } from './errors.js';
import { endpointLabel as endpointKey } from '../evidence/endpoint-label.js';
import { ipVersion } from './ip.js';

export interface SocketAddress {
  address: string;
  port: number;
}

/** Logical "address:port" (what DNS and URLs say) -> where the socket really goes (lab high ports). */
export type PortMap = ReadonlyMap<string, SocketAddress>;

/** Runs on the plain socket before TLS starts (e.g. SMTP EHLO/STARTTLS). */
export type Preamble = (socket: net.Socket, signal: AbortSignal) => Promise<void>;

export interface ConnectorOptions {
  portMap?: PortMap;
  maxConnections: number;
  timeoutMs: number;
  breakerLimit?: number;
}

export interface TlsConnectRequest {
  address: string;
  port: number;
  servername: string | null;
  signal?: AbortSignal;
  options?: tls.ConnectionOptions;
  preamble?: Preamble;
  /** Sees the TLS socket before the handshake, for events it emits on the way ('OCSPResponse'). */
  observe?: (socket: tls.TLSSocket) => void;
}

export { endpointLabel as endpointKey } from '../evidence/endpoint-label.js';

/**
 * The only way encscan opens sockets. It accepts IP addresses only (names come from encscan's own
 * resolver), so neither node:net nor undici ever calls getaddrinfo; it applies the world's port map,
 * limits connections per logical (address, port) and opens the circuit after repeated timeouts.
 */
export class Connector {
  readonly timeoutMs: number;
  private readonly portMap: PortMap;
  private readonly maxConnections: number;
  private readonly slots = new Map<string, Semaphore>();
  private readonly breaker: CircuitBreaker;
  private readonly opened = new Map<string, number>();

  constructor(opts: ConnectorOptions) {
    this.portMap = opts.portMap ?? new Map();
    this.maxConnections = opts.maxConnections;
    this.timeoutMs = opts.timeoutMs;
    this.breaker = new CircuitBreaker(opts.breakerLimit ?? 3);
  }

  /** Where a logical address:port really is. Throws for anything that is not an IP literal. */
  real(address: string, port: number): SocketAddress {
    if (ipVersion(address) === 0) {
      throw new EncscanError('ENCSCAN_NOT_AN_IP', `connector accepts IP addresses only, got "${address}"`);
    }
    return this.portMap.get(endpointKey(address, port)) ?? { address, port };
  }

  /** Sockets opened so far to a logical address:port. */
  connectionsTo(address: string, port: number): number {
    return this.opened.get(endpointKey(address, port)) ?? 0;
  }

  noteTimeout(address: string, port: number): void {
    this.breaker.timedOut(endpointKey(address, port));
  }

  async tcp(address: string, port: number, signal?: AbortSignal): Promise<net.Socket> {
    const socket = await this.open(address, port, signal);
    this.breaker.succeeded(endpointKey(address, port));
    return socket;
  }

  /**
   * A socket whose success only an answer proves: a tarpit accepts every connection and never speaks,
   * so the caller reports `answered()` when the peer's first message arrives, and only that resets the breaker.
   */
  probe(address: string, port: number, signal?: AbortSignal): Promise<net.Socket> {
    return this.open(address, port, signal);
  }

  /** The peer of a `probe()` socket answered: it is alive, whatever it said. */
  answered(address: string, port: number): void {
    this.breaker.succeeded(endpointKey(address, port));
  }

  /** Connects without marking success: for TLS, only a finished handshake resets the breaker. */
  private async open(address: string, port: number, signal?: AbortSignal): Promise<net.Socket> {
    const key = endpointKey(address, port);
    const target = this.real(address, port);
    this.breaker.check(key);
    const release = await this.slot(key).acquire(signal);
    this.opened.set(key, (this.opened.get(key) ?? 0) + 1);
    const socket = new net.Socket();
    socket.once('close', release);
    try {
      await withTimeout(this.timeoutMs, signal, `connect ${key}`, (sig) => connectSocket(socket, target, sig));
      destroyOnAbort(socket, signal);
      return socket;
    } catch (err) {
      this.recordFailure(key, err);
      socket.destroy();
      release();
      throw err;
    }
  }

  async tls(req: TlsConnectRequest): Promise<tls.TLSSocket> {
    const key = endpointKey(req.address, req.port);
    const plain = await this.open(req.address, req.port, req.signal);
    try {
      if (req.preamble) {
        const preamble = req.preamble;
        await withTimeout(this.timeoutMs, req.signal, `preamble ${key}`, (sig) => preamble(plain, sig));
      }
      const secure = await withTimeout(this.timeoutMs, req.signal, `TLS handshake ${key}`, (sig) =>
        handshake(plain, req, sig),
      );
      destroyOnAbort(secure, req.signal);
      this.breaker.succeeded(key);
      return secure;
    } catch (err) {
      this.recordFailure(key, err);
      plain.destroy();
      throw err;
    }
  }

  /** A UDP socket connected to the real address; the caller closes it. Counted like a connection. */
  async datagram(address: string, port: number, signal?: AbortSignal): Promise<dgram.Socket> {
    const key = endpointKey(address, port);
    const target = this.real(address, port);
    this.breaker.check(key);
    const release = await this.slot(key).acquire(signal);
    this.opened.set(key, (this.opened.get(key) ?? 0) + 1);
    const socket = dgram.createSocket(ipVersion(target.address) === 6 ? 'udp6' : 'udp4');
    socket.once('close', release);
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.connect(target.port, target.address, () => {
          socket.off('error', reject);
          resolve();
        });
      });
      return socket;
    } catch (err) {
      socket.close();
      throw err;
    }
  }

  recordFailure(key: string, err: unknown): void {
    if (errorCode(err) === 'ENCSCAN_TIMEOUT') this.breaker.timedOut(key);
  }

  private slot(key: string): Semaphore {
    let s = this.slots.get(key);
    if (!s) {
      s = new Semaphore(this.maxConnections);
      this.slots.set(key, s);
    }
    return s;
  }
}

function connectSocket(socket: net.Socket, target: SocketAddress, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (err: unknown): void => {
      socket.destroy();
      reject(err);
    };
    signal.addEventListener('abort', () => fail(abortError(signal)), { once: true });
    socket.once('error', fail);
    socket.connect({ host: target.address, port: target.port }, () => {
      socket.off('error', fail);
      resolve();
    });
  });
}

function handshake(plain: net.Socket, req: TlsConnectRequest, signal: AbortSignal): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const opts: tls.ConnectionOptions = { ...req.options, socket: plain };
    if (req.servername !== null && ipVersion(req.servername) === 0) opts.servername = req.servername;
    const secure = tls.connect(opts);
    req.observe?.(secure);
    const fail = (err: unknown): void => {
      secure.destroy();
      reject(err);
    };
    signal.addEventListener('abort', () => fail(abortError(signal)), { once: true });
    secure.once('error', fail);
    secure.once('secureConnect', () => {
      secure.off('error', fail);
      secure.on('error', () => undefined);
      resolve(secure);
    });
  });
}

function destroyOnAbort(socket: net.Socket, signal?: AbortSignal): void {
  if (!signal) return;
  throwIfAborted(signal);
  const onAbort = (): void => {
    socket.destroy();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  socket.once('close', () => signal.removeEventListener('abort', onAbort));
}
