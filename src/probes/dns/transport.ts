// One DNS question to one server: UDP with EDNS0, TCP when truncated, retries on timeout. Every attempt
// is logged with the raw response, because dns-packet decodes names lossily and DNSSEC needs the wire.
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import dnsPacket from 'dns-packet';
import { endpointKey, type Connector, type SocketAddress } from '../../engine/connector.js';
import { abortError, withTimeout } from '../../engine/budget.js';
import { EncscanError, errorCode, errorMessage, type ErrorCode } from '../../engine/errors.js';
import type { DnsQuery } from '../../evidence/dns.js';
import { canonicalName } from './names.js';

/** RFC 9715 / DNS Flag Day 2020: large enough for DNSSEC, small enough to avoid IP fragmentation. */
export const EDNS_UDP_PAYLOAD = 1232;

export type DnsTransport = 'udp' | 'tcp';

export interface ExchangeRequest {
  server: SocketAddress;
  name: string;
  type: string;
  recursionDesired: boolean;
  dnssecOk: boolean;
  checkingDisabled: boolean;
  tcpOnly: boolean;
  timeoutMs: number;
  /** Extra attempts after a timeout. */
  retries: number;
  signal?: AbortSignal;
  log: DnsQuery[];
}

export interface Exchange {
  message: dnsPacket.DecodedPacket;
  wire: Buffer;
  /** Logical address:port, IPv6 bracketed. */
  server: string;
  transport: DnsTransport;
  rcode: string;
}

interface Expected {
  id: number;
  name: string;
  type: string;
}

interface Received {
  message: dnsPacket.DecodedPacket;
  wire: Buffer;
}

/** dns-packet's names for types it lacks: it sends and decodes them as UNKNOWN_<n>, keeping the RDATA raw. */
const PACKET_TYPES: Readonly<Record<string, string>> = { SVCB: 'UNKNOWN_64', HTTPS: 'UNKNOWN_65' };

const RCODE_NAMES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

/** Throws EncscanError (ENCSCAN_DNS_TIMEOUT, ENCSCAN_CONNECT_REFUSED, ...) when no usable answer came. */
export async function exchange(connector: Connector, req: ExchangeRequest): Promise<Exchange> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (!req.tcpOnly) {
        const udp = await attemptOnce(connector, req, 'udp');
        if (!udp.message.flag_tc) return udp;
      }
      return await attemptOnce(connector, req, 'tcp');
    } catch (err) {
      if (errorCode(err) !== 'ENCSCAN_DNS_TIMEOUT' || attempt >= req.retries || req.signal?.aborted) throw err;
    }
  }
}

/** The response, if `wire` is a well-formed answer to exactly this question; anything else is ignored. */
export function matchResponse(wire: Buffer, expected: Expected): dnsPacket.DecodedPacket | null {
  if (wire.length < 12 || wire.readUInt16BE(0) !== expected.id) return null;
  let message: dnsPacket.DecodedPacket;
  try {
    message = dnsPacket.decode(wire);
  } catch {
    return null;
  }
  const q = message.questions?.[0];
  const same =
    message.flag_qr &&
    message.questions?.length === 1 &&
    q !== undefined &&
    canonicalName(q.name) === expected.name &&
    q.type.toUpperCase() === expected.type &&
    (q.class ?? 'IN') === 'IN';
  return same ? message : null;
}

/** Header RCODE widened by the EDNS extended bits (RFC 6891 §6.1.3). */
export function rcodeName(wire: Buffer, message: dnsPacket.DecodedPacket): string {
  const opt = message.additionals?.find((a): a is dnsPacket.OptAnswer => a.type === 'OPT');
  const value = (wire.readUInt16BE(2) & 0xf) | ((opt?.extendedRcode ?? 0) << 4);
  return RCODE_NAMES[value] ?? (value === 16 ? 'BADVERS' : `RCODE${value}`);
}

async function attemptOnce(connector: Connector, req: ExchangeRequest, transport: DnsTransport): Promise<Exchange> {
  const server = endpointKey(req.server.address, req.server.port);
  const type = req.type.toUpperCase();
  const expected: Expected = { id: randomInt(0x10000), name: canonicalName(req.name), type: PACKET_TYPES[type] ?? type };
  const query = encodeQuery(req, expected);
  const entry: DnsQuery = { server, name: expected.name, type, transport, ms: 0 };
  req.log.push(entry);
  const started = performance.now();
  try {
    const got = await withTimeout(req.timeoutMs, req.signal, `DNS ${type} ${req.name} @${server}/${transport}`, (sig) =>
      transport === 'udp' ? udpExchange(connector, req.server, query, expected, sig) : tcpExchange(connector, req.server, query, expected, sig),
    );
    const rcode = rcodeName(got.wire, got.message);
    Object.assign(entry, { rcode, truncated: got.message.flag_tc, response: got.wire.toString('base64') });
    return { ...got, server, transport, rcode };
  } catch (err) {
    const code: ErrorCode = errorCode(err) === 'ENCSCAN_TIMEOUT' ? 'ENCSCAN_DNS_TIMEOUT' : errorCode(err);
    // TCP connect timeouts already reach the breaker through the connector; UDP ones only here.
    if (code === 'ENCSCAN_DNS_TIMEOUT' && transport === 'udp') connector.noteTimeout(req.server.address, req.server.port);
    entry.error = code;
    throw err instanceof EncscanError && err.code === code ? err : new EncscanError(code, `${server}: ${errorMessage(err)}`, { cause: err });
  } finally {
    entry.ms = Math.round(performance.now() - started);
  }
}

function encodeQuery(req: ExchangeRequest, expected: Expected): Buffer {
  const wire = dnsPacket.encode({
    type: 'query',
    id: expected.id,
    flags: (req.recursionDesired ? dnsPacket.RECURSION_DESIRED : 0) | (req.checkingDisabled ? dnsPacket.CHECKING_DISABLED : 0),
    questions: [{ name: expected.name, type: expected.type as dnsPacket.RecordType, class: 'IN' }],
    additionals: [
      { type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_PAYLOAD, extendedRcode: 0, ednsVersion: 0, flags: req.dnssecOk ? dnsPacket.DNSSEC_OK : 0, flag_do: req.dnssecOk, options: [] },
    ],
  });
  // dns-packet encodes a type it does not know as 0 instead of failing.
  const qtypeAt = 12 + (expected.name === '.' ? 1 : Buffer.byteLength(expected.name) + 2);
  if (wire.readUInt16BE(qtypeAt) === 0) throw new EncscanError('ENCSCAN_USAGE', `unknown DNS record type "${req.type}"`);
  return wire;
}

async function udpExchange(connector: Connector, to: SocketAddress, query: Buffer, expected: Expected, signal: AbortSignal): Promise<Received> {
  const socket = await connector.datagram(to.address, to.port, signal);
  try {
    return await new Promise<Received>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
      socket.on('error', reject);
      socket.on('message', (wire: Buffer) => {
        const message = matchResponse(wire, expected);
        if (message) resolve({ message, wire });
      });
      socket.send(query, (err) => {
        if (err) reject(err);
      });
    });
  } finally {
    socket.close();
  }
}

async function tcpExchange(connector: Connector, to: SocketAddress, query: Buffer, expected: Expected, signal: AbortSignal): Promise<Received> {
  const socket = await connector.tcp(to.address, to.port, signal);
  try {
    return await new Promise<Received>((resolve, reject) => {
      let buf = Buffer.alloc(0);
      signal.addEventListener('abort', () => reject(abortError(signal)), { once: true });
      socket.on('error', reject);
      socket.on('close', () => reject(new EncscanError('ENCSCAN_DNS_BAD_RESPONSE', 'TCP connection closed without an answer')));
      socket.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
          const wire = Buffer.from(buf.subarray(2, 2 + buf.readUInt16BE(0)));
          buf = buf.subarray(2 + wire.length);
          const message = matchResponse(wire, expected);
          if (message) resolve({ message, wire });
        }
      });
      const frame = Buffer.alloc(2);
      frame.writeUInt16BE(query.length);
      socket.write(Buffer.concat([frame, query]));
    });
  } finally {
    socket.destroy();
  }
}
