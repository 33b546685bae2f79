// ServerHello and HelloRetryRequest (RFC 5246 §7.4.1.3, RFC 8446 §4.1.3–4.1.4). A HelloRetryRequest
// is a ServerHello whose random is SHA-256("HelloRetryRequest"); in it key_share names a group only.
// Besides the fields and every extension with its raw bytes, the parse reads the values a scanner
// asks about: negotiated version, key-share group, ALPN, SCTs, renegotiation_info and the other echoes.
import { write } from './byte-writer.js';
import {
  HELLO_RETRY_REQUEST_BODIES,
  SERVER_HELLO_BODIES,
  keyShareEntry,
  opaque8,
  opaque16,
  protocolNameList,
  sctList,
  u16Value,
  u8List,
  u8Value,
} from './extension-bodies.js';
import { EXTENSION, findExtension, readExtensions, writeExtensions, type Extension, type NamedExtension } from './extensions.js';
import { badValue, tlsReader } from './reader.js';

export const HELLO_RETRY_REQUEST_RANDOM = Uint8Array.from(
  Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex'),
);

/** Last 8 bytes of a TLS 1.3 server's random when it negotiates a lower version (RFC 8446 §4.1.3). */
const DOWNGRADE_PREFIX = [0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44]; // "DOWNGRD"

export interface ServerHello<E extends Extension = Extension> {
  version: number;
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuite: number;
  compressionMethod: number;
  extensions: E[] | null;
}

export interface ParsedServerHello extends ServerHello<NamedExtension> {
  isHelloRetryRequest: boolean;
  /** supported_versions when present (TLS 1.3), else legacy_version. */
  selectedVersion: number;
  /** key_share: the server's group (ServerHello) or the group it asks for (HelloRetryRequest). */
  keyShareGroup: number | null;
  keyExchange: Uint8Array | null;
  /** RFC 8446 §4.1.3 sentinel: the server supports TLS 1.3 but chose 1.2 ("tls12") or lower ("tls11"). */
  downgradeSentinel: 'tls12' | 'tls11' | null;
  alpn: string | null;
  /** renegotiation_info's renegotiated_connection, null when the extension is absent (RFC 5746). */
  renegotiationInfo: Uint8Array | null;
  signedCertificateTimestamps: Uint8Array[];
  ecPointFormats: number[] | null;
  heartbeatMode: number | null;
  extendedMasterSecret: boolean;
  encryptThenMac: boolean;
  sessionTicket: boolean;
  statusRequest: boolean;
  cookie: Uint8Array | null;
}

export function parseServerHello(body: Uint8Array): ParsedServerHello {
  const r = tlsReader(body, 'ServerHello');
  const hello: ServerHello<NamedExtension> = {
    version: r.u16('legacy_version'),
    random: r.bytesOf(32, 'random'),
    sessionId: r.vector(1, 'legacy_session_id', 0, 32),
    cipherSuite: r.u16('cipher_suite'),
    compressionMethod: r.u8('compression_method'),
    extensions: null,
  };
  if (r.remaining > 0) hello.extensions = readExtensions(r);
  r.done();

  const isHelloRetryRequest = equal(hello.random, HELLO_RETRY_REQUEST_RANDOM);
  const bodies = isHelloRetryRequest ? HELLO_RETRY_REQUEST_BODIES : SERVER_HELLO_BODIES;
  const exts = hello.extensions ?? [];
  for (const e of exts) bodies.get(e.type)?.decode(e.data);
  const ext = (type: number) => findExtension(exts, type)?.data;

  const versionData = ext(EXTENSION.supportedVersions);
  const keyShareData = ext(EXTENSION.keyShare);
  const share = keyShareData && !isHelloRetryRequest ? keyShareEntry.decode(keyShareData) : null;
  const alpn = ext(EXTENSION.alpn);
  const alpnNames = alpn ? protocolNameList.decode(alpn) : null;
  if (alpnNames && alpnNames.length !== 1) throw badValue('ServerHello', `ALPN with ${alpnNames.length} protocols`);
  const reneg = ext(EXTENSION.renegotiationInfo);
  const sct = ext(EXTENSION.signedCertificateTimestamp);
  const formats = ext(EXTENSION.ecPointFormats);
  const heartbeat = ext(EXTENSION.heartbeat);
  const cookie = ext(EXTENSION.cookie);
  return {
    ...hello,
    isHelloRetryRequest,
    selectedVersion: versionData ? u16Value.decode(versionData) : hello.version,
    keyShareGroup: share ? share.group : keyShareData ? u16Value.decode(keyShareData) : null,
    keyExchange: share ? share.keyExchange : null,
    downgradeSentinel: downgradeSentinel(hello.random),
    alpn: alpnNames ? alpnNames[0]! : null,
    renegotiationInfo: reneg ? opaque8.decode(reneg) : null,
    signedCertificateTimestamps: sct ? sctList.decode(sct) : [],
    ecPointFormats: formats ? u8List.decode(formats) : null,
    heartbeatMode: heartbeat ? u8Value.decode(heartbeat) : null,
    extendedMasterSecret: ext(EXTENSION.extendedMasterSecret) !== undefined,
    encryptThenMac: ext(EXTENSION.encryptThenMac) !== undefined,
    sessionTicket: ext(EXTENSION.sessionTicket) !== undefined,
    statusRequest: ext(EXTENSION.statusRequest) !== undefined,
    cookie: cookie ? opaque16.decode(cookie) : null,
  };
}

export function encodeServerHello(hello: ServerHello): Uint8Array {
  return write((w) => {
    w.u16(hello.version).bytes(hello.random).vector(1, hello.sessionId).u16(hello.cipherSuite).u8(hello.compressionMethod);
    if (hello.extensions) writeExtensions(w, hello.extensions);
  });
}

function downgradeSentinel(random: Uint8Array): 'tls12' | 'tls11' | null {
  for (let i = 0; i < DOWNGRADE_PREFIX.length; i++) if (random[24 + i] !== DOWNGRADE_PREFIX[i]) return null;
  return random[31] === 1 ? 'tls12' : random[31] === 0 ? 'tls11' : null;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
