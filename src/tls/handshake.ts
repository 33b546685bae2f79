// Handshake messages (RFC 5246 §7.4, RFC 8446 §4): a 1-byte type and a 3-byte length before the body.
// Messages may span records and records may hold several messages, so the reassembler buffers
// handshake bytes until each message is complete.
import { DecodeError } from '../engine/errors.js';
import { write } from './byte-writer.js';
import { tlsReader } from './reader.js';

export const HANDSHAKE_TYPE = {
  helloRequest: 0,
  clientHello: 1,
  serverHello: 2,
  newSessionTicket: 4,
  endOfEarlyData: 5,
  encryptedExtensions: 8,
  certificate: 11,
  serverKeyExchange: 12,
  certificateRequest: 13,
  serverHelloDone: 14,
  certificateVerify: 15,
  clientKeyExchange: 16,
  finished: 20,
  certificateStatus: 22,
  keyUpdate: 24,
  messageHash: 254,
} as const;

export const HANDSHAKE_HEADER_LENGTH = 4;
/** Largest message the reassembler accepts unless told otherwise: room for long certificate chains. */
export const DEFAULT_MAX_HANDSHAKE_MESSAGE = 256 * 1024;

export interface HandshakeMessage {
  type: number;
  body: Uint8Array;
}

export function encodeHandshake(msg: HandshakeMessage): Uint8Array {
  return write((w) => w.u8(msg.type).vector(3, msg.body));
}

/** Exactly one complete message. */
export function parseHandshake(bytes: Uint8Array): HandshakeMessage {
  const r = tlsReader(bytes, 'handshake');
  const type = r.u8('msg_type');
  const body = r.vector(3, 'body');
  r.done();
  return { type, body };
}

/** The body of a message that must have `type`. */
export function expectHandshake(bytes: Uint8Array, type: number, what: string): Uint8Array {
  const msg = parseHandshake(bytes);
  if (msg.type !== type) {
    throw new DecodeError(`${what}: handshake type ${msg.type}, expected ${type}`, 'ENCSCAN_TLS_UNEXPECTED_MESSAGE');
  }
  return msg.body;
}

/** Joins handshake-record fragments into whole messages. */
export class HandshakeReassembler {
  private pending: Uint8Array = new Uint8Array(0);

  constructor(private readonly maxMessage = DEFAULT_MAX_HANDSHAKE_MESSAGE) {}

  /** Adds a handshake record's fragment; returns the messages it completed, in order. */
  push(fragment: Uint8Array): HandshakeMessage[] {
    const buf = new Uint8Array(this.pending.length + fragment.length);
    buf.set(this.pending);
    buf.set(fragment, this.pending.length);
    const out: HandshakeMessage[] = [];
    let off = 0;
    while (buf.length - off >= HANDSHAKE_HEADER_LENGTH) {
      const length = (buf[off + 1]! << 16) | (buf[off + 2]! << 8) | buf[off + 3]!;
      if (length > this.maxMessage) {
        throw new DecodeError(`handshake message of ${length} bytes exceeds ${this.maxMessage}`, 'ENCSCAN_TLS_HANDSHAKE_OVERFLOW');
      }
      const end = off + HANDSHAKE_HEADER_LENGTH + length;
      if (end > buf.length) break;
      out.push({ type: buf[off]!, body: buf.slice(off + HANDSHAKE_HEADER_LENGTH, end) });
      off = end;
    }
    this.pending = buf.slice(off);
    return out;
  }

  /** True when no partial message is waiting (a flight ended on a message boundary). */
  get idle(): boolean {
    return this.pending.length === 0;
  }
}
