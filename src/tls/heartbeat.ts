// Heartbeat messages (RFC 6520 §4): type, a 2-byte payload_length, the payload and at least 16 bytes
// of padding, all in one record of content type 24. Heartbleed (CVE-2014-0160) is a server that
// believes payload_length over the record's size; encscan sends a request that claims more than it
// carries and looks only at how long the answer is. The parser therefore returns lengths, never bytes.
import { write } from './byte-writer.js';
import { tlsReader } from './reader.js';

export const HEARTBEAT_TYPE = { request: 1, response: 2 } as const;
/** Smallest padding a heartbeat message carries (RFC 6520 §4). */
export const HEARTBEAT_MIN_PADDING = 16;

export interface HeartbeatLengths {
  type: number;
  /** payload_length as the message states it. */
  claimedPayload: number;
  /** Bytes of the whole message (the record's fragment). */
  messageLength: number;
}

/** A request carrying `payload` but claiming `claimedPayload` bytes (equal for an honest request). */
export function encodeHeartbeatRequest(payload: Uint8Array, claimedPayload = payload.length, padding = HEARTBEAT_MIN_PADDING): Uint8Array {
  return write((w) => w.u8(HEARTBEAT_TYPE.request).u16(claimedPayload).bytes(payload).bytes(new Uint8Array(padding)));
}

/** A response echoing `payloadLength` bytes of `payload` (what a server reads, bounded by what is there). */
export function encodeHeartbeatResponse(payload: Uint8Array, padding = HEARTBEAT_MIN_PADDING): Uint8Array {
  return write((w) => w.u8(HEARTBEAT_TYPE.response).u16(payload.length).bytes(payload).bytes(new Uint8Array(padding)));
}

/** The lengths of a heartbeat message; its payload is read past, never copied. */
export function parseHeartbeatLengths(fragment: Uint8Array): HeartbeatLengths {
  const r = tlsReader(fragment, 'Heartbeat');
  const type = r.u8('type');
  const claimedPayload = r.u16('payload_length');
  return { type, claimedPayload, messageLength: fragment.length };
}
