// SSL 2.0 (draft-hickman-netscape-ssl-00): records with a 2-byte header (high bit set, no padding) or
// a 3-byte header (padding count), and the CLIENT-HELLO, SERVER-HELLO and ERROR messages a scanner
// exchanges in the clear. Cipher specs are 3-byte codes (SSL_CK_*).
import type { ByteReader } from '../codec/byte-reader.js';
import { DecodeError } from '../engine/errors.js';
import { encodeError, write } from './byte-writer.js';
import { VERSION } from './protocol-versions.js';
import { tlsReader } from './reader.js';

export const SSL2_MESSAGE = { error: 0, clientHello: 1, serverHello: 4 } as const;
const MAX_TWO_BYTE_RECORD = 0x7fff;

export interface Ssl2Record {
  /** The message bytes, padding removed. */
  body: Uint8Array;
  padding: number;
}

/** Reads the SSLv2 record at `off`; null when incomplete. */
export function readSsl2Record(buf: Uint8Array, off = 0): { record: Ssl2Record; end: number } | null {
  if (buf.length - off < 2) return null;
  const twoByte = (buf[off]! & 0x80) !== 0;
  const length = twoByte ? ((buf[off]! & 0x7f) << 8) | buf[off + 1]! : ((buf[off]! & 0x3f) << 8) | buf[off + 1]!;
  const headerLength = twoByte ? 2 : 3;
  if (buf.length - off < headerLength) return null;
  const padding = twoByte ? 0 : buf[off + 2]!;
  if (length === 0 || padding > length) {
    throw new DecodeError(`SSLv2 record at ${off}: length ${length} with ${padding} padding bytes`, 'ENCSCAN_TLS_BAD_LENGTH');
  }
  const end = off + headerLength + length;
  if (end > buf.length) return null;
  return { record: { body: buf.slice(off + headerLength, end - padding), padding }, end };
}

/** A record with the 2-byte header. */
export function encodeSsl2Record(body: Uint8Array): Uint8Array {
  if (body.length === 0 || body.length > MAX_TWO_BYTE_RECORD) throw encodeError(`SSLv2 record of ${body.length} bytes`);
  return write((w) => w.u16(0x8000 | body.length).bytes(body));
}

export interface Ssl2ClientHello {
  version: number;
  cipherSpecs: number[];
  sessionId: Uint8Array;
  challenge: Uint8Array;
}

export function parseSsl2ClientHello(body: Uint8Array): Ssl2ClientHello {
  const r = tlsReader(body, 'SSLv2 CLIENT-HELLO');
  expectType(r, SSL2_MESSAGE.clientHello);
  const version = r.u16('version');
  const specsLength = r.u16('cipher_specs_length');
  const sessionIdLength = r.u16('session_id_length');
  const challengeLength = r.u16('challenge_length');
  if (specsLength === 0 || specsLength % 3 !== 0) throw badLength('cipher_specs_length', specsLength);
  if (sessionIdLength !== 0 && sessionIdLength !== 16) throw badLength('session_id_length', sessionIdLength);
  if (challengeLength < 16 || challengeLength > 32) throw badLength('challenge_length', challengeLength);
  const hello = { version, cipherSpecs: readSpecs(r, specsLength), sessionId: r.bytesOf(sessionIdLength, 'session_id'), challenge: r.bytesOf(challengeLength, 'challenge') };
  r.done();
  return hello;
}

/** The CLIENT-HELLO message body (wrap it with encodeSsl2Record to send it). */
export function encodeSsl2ClientHello(hello: Ssl2ClientHello): Uint8Array {
  if (hello.cipherSpecs.length === 0) throw encodeError('SSLv2 CLIENT-HELLO without cipher specs');
  if (hello.challenge.length < 16 || hello.challenge.length > 32) throw encodeError(`SSLv2 challenge of ${hello.challenge.length} bytes`);
  return write((w) => {
    w.u8(SSL2_MESSAGE.clientHello).u16(hello.version);
    w.u16(hello.cipherSpecs.length * 3).u16(hello.sessionId.length).u16(hello.challenge.length);
    hello.cipherSpecs.forEach((s) => w.u24(s));
    w.bytes(hello.sessionId).bytes(hello.challenge);
  });
}

/** A ready-to-send SSLv2 CLIENT-HELLO record offering `cipherSpecs`, with version 0x0002. */
export function buildSsl2ClientHello(cipherSpecs: number[], challenge: Uint8Array): Uint8Array {
  return encodeSsl2Record(encodeSsl2ClientHello({ version: VERSION.SSLv2, cipherSpecs, sessionId: new Uint8Array(0), challenge }));
}

export interface Ssl2ServerHello {
  type: 'server-hello';
  sessionIdHit: number;
  certificateType: number;
  version: number;
  /** The server's certificate (DER when certificateType is X.509). */
  certificate: Uint8Array;
  cipherSpecs: number[];
  connectionId: Uint8Array;
}

export interface Ssl2Error {
  type: 'error';
  /** 1 NO-CIPHER, 2 NO-CERTIFICATE, 4 BAD-CERTIFICATE, 6 UNSUPPORTED-CERTIFICATE-TYPE. */
  code: number;
}

/** What an SSLv2 server answers to a CLIENT-HELLO: SERVER-HELLO or ERROR. */
export function parseSsl2ServerMessage(body: Uint8Array): Ssl2ServerHello | Ssl2Error {
  const r = tlsReader(body, 'SSLv2 server message');
  const type = r.u8('msg_type');
  if (type === SSL2_MESSAGE.error) {
    const code = r.u16('error_code');
    r.done();
    return { type: 'error', code };
  }
  if (type !== SSL2_MESSAGE.serverHello) throw unexpected(type);
  const sessionIdHit = r.u8('session_id_hit');
  const certificateType = r.u8('certificate_type');
  const version = r.u16('server_version');
  const certificateLength = r.u16('certificate_length');
  const specsLength = r.u16('cipher_specs_length');
  const connectionIdLength = r.u16('connection_id_length');
  if (specsLength % 3 !== 0) throw badLength('cipher_specs_length', specsLength);
  if (connectionIdLength < 16 || connectionIdLength > 32) throw badLength('connection_id_length', connectionIdLength);
  const hello: Ssl2ServerHello = {
    type: 'server-hello',
    sessionIdHit,
    certificateType,
    version,
    certificate: r.bytesOf(certificateLength, 'certificate'),
    cipherSpecs: readSpecs(r, specsLength),
    connectionId: r.bytesOf(connectionIdLength, 'connection_id'),
  };
  r.done();
  return hello;
}

export function encodeSsl2ServerMessage(msg: Ssl2ServerHello | Ssl2Error): Uint8Array {
  if (msg.type === 'error') return write((w) => w.u8(SSL2_MESSAGE.error).u16(msg.code));
  return write((w) => {
    w.u8(SSL2_MESSAGE.serverHello).u8(msg.sessionIdHit).u8(msg.certificateType).u16(msg.version);
    w.u16(msg.certificate.length).u16(msg.cipherSpecs.length * 3).u16(msg.connectionId.length);
    w.bytes(msg.certificate);
    msg.cipherSpecs.forEach((s) => w.u24(s));
    w.bytes(msg.connectionId);
  });
}

function readSpecs(r: ByteReader, length: number): number[] {
  const specs: number[] = [];
  for (let i = 0; i < length / 3; i++) specs.push(r.u24('cipher_spec'));
  return specs;
}

function expectType(r: ByteReader, type: number): void {
  const got = r.u8('msg_type');
  if (got !== type) throw unexpected(got);
}

function unexpected(type: number): DecodeError {
  return new DecodeError(`SSLv2: message type ${type}`, 'ENCSCAN_TLS_UNEXPECTED_MESSAGE');
}

function badLength(field: string, n: number): DecodeError {
  return new DecodeError(`SSLv2: ${field} ${n}`, 'ENCSCAN_TLS_BAD_LENGTH');
}
