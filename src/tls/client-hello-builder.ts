// Builds the ClientHellos encscan sends, for SSLv3 up to TLS 1.3, from what to offer. The caller
// supplies the random and any key shares, so the result is a pure function of the options.
// Extensions appear in one fixed order; a hello of 256–511 bytes gets RFC 7685 padding (the F5
// workaround), and GREASE (RFC 8701) values may be mixed in to catch intolerant servers.
import { encodeError } from './byte-writer.js';
import { encodeClientHello, type ClientHello } from './client-hello.js';
import {
  emptyBody,
  keyShareList,
  opaque8,
  protocolNameList,
  serverNameList,
  statusRequest,
  u16List,
  u8List,
  u8Value,
  versionList,
  type KeyShareEntry,
} from './extension-bodies.js';
import { EXTENSION, type Extension } from './extensions.js';
import { encodeHandshake, HANDSHAKE_TYPE } from './handshake.js';
import { VERSION, type VersionName } from './protocol-versions.js';
import { CONTENT_TYPE, encodeRecords } from './record-layer.js';

export type HelloVersion = Exclude<VersionName, 'SSLv2'>;

export interface ClientHelloOptions {
  version: HelloVersion;
  /** 32 bytes. */
  random: Uint8Array;
  /** Empty by default; 32 bytes for TLS 1.3 middlebox compatibility mode. */
  sessionId?: Uint8Array;
  cipherSuites: number[];
  /** [0] (null) by default. */
  compressionMethods?: number[];
  serverName?: string;
  supportedGroups?: number[];
  ecPointFormats?: number[];
  signatureAlgorithms?: number[];
  alpn?: string[];
  /** status_request for OCSP stapling (RFC 6066 §8), no responder ids. */
  statusRequest?: boolean;
  signedCertificateTimestamp?: boolean;
  extendedMasterSecret?: boolean;
  encryptThenMac?: boolean;
  /** renegotiation_info with an empty renegotiated_connection (initial handshake, RFC 5746). */
  renegotiationInfo?: boolean;
  /** true: ask for a ticket (empty body); bytes: present this ticket. */
  sessionTicket?: boolean | Uint8Array;
  /** heartbeat mode: 1 peer_allowed_to_send, 2 peer_not_allowed_to_send (RFC 6520). */
  heartbeat?: number;
  /** Defaults to [0x0304] for TLS 1.3 and to none below it. */
  supportedVersions?: number[];
  /** key_share entries; TLS 1.3 hellos send the extension even when this is empty (asking for a HelloRetryRequest). */
  keyShares?: KeyShareEntry[];
  pskKeyExchangeModes?: number[];
  /** Sent as given, after the others (before GREASE and padding). */
  extraExtensions?: Extension[];
  /** RFC 7685 padding for hellos of 256–511 bytes; on by default. */
  padding?: boolean;
  /** RFC 8701 GREASE in cipher suites, extensions, groups, key shares and versions; values come from the random. */
  grease?: boolean;
}

export interface BuiltClientHello {
  hello: ClientHello;
  /** The handshake message (4-byte header included). */
  message: Uint8Array;
  /** The message in TLS records, ready to send. */
  records: Uint8Array;
}

/** ClientHello messages between these sizes get padded to PADDED_HELLO_LENGTH. */
const PAD_FROM = 256;
const PADDED_HELLO_LENGTH = 512;

export function buildClientHello(o: ClientHelloOptions): BuiltClientHello {
  if (o.random.length !== 32) throw encodeError(`random of ${o.random.length} bytes`);
  const tls13 = o.version === 'TLSv1.3';
  const grease = o.grease ? greaseValues(o.random) : null;
  const hello: ClientHello = {
    version: tls13 ? VERSION['TLSv1.2'] : VERSION[o.version],
    random: o.random,
    sessionId: o.sessionId ?? new Uint8Array(0),
    cipherSuites: grease ? [grease[0]!, ...o.cipherSuites] : o.cipherSuites,
    compressionMethods: o.compressionMethods ?? [0],
    extensions: null,
  };
  const exts = extensionsFor(o, tls13, grease);
  if (exts.length > 0) {
    hello.extensions = exts;
    if (o.padding !== false) pad(hello);
  }
  const message = encodeHandshake({ type: HANDSHAKE_TYPE.clientHello, body: encodeClientHello(hello) });
  const recordVersion = o.version === 'SSLv3' ? VERSION.SSLv3 : VERSION['TLSv1.0'];
  return { hello, message, records: encodeRecords(CONTENT_TYPE.handshake, recordVersion, message) };
}

function extensionsFor(o: ClientHelloOptions, tls13: boolean, grease: number[] | null): Extension[] {
  const exts: Extension[] = [];
  const add = (type: number, data: Uint8Array) => exts.push({ type, data });
  const withGrease = (list: number[], i: number) => (grease ? [grease[i]!, ...list] : list);
  if (grease) add(grease[1]!, new Uint8Array(0));
  if (o.serverName !== undefined) add(EXTENSION.serverName, serverNameList.encode([o.serverName]));
  if (o.extendedMasterSecret) add(EXTENSION.extendedMasterSecret, emptyBody.encode(true));
  if (o.renegotiationInfo) add(EXTENSION.renegotiationInfo, opaque8.encode(new Uint8Array(0)));
  if (o.supportedGroups) add(EXTENSION.supportedGroups, u16List.encode(withGrease(o.supportedGroups, 3)));
  if (o.ecPointFormats) add(EXTENSION.ecPointFormats, u8List.encode(o.ecPointFormats));
  if (o.sessionTicket) add(EXTENSION.sessionTicket, o.sessionTicket === true ? new Uint8Array(0) : o.sessionTicket);
  if (o.alpn) add(EXTENSION.alpn, protocolNameList.encode(o.alpn));
  if (o.statusRequest) {
    add(EXTENSION.statusRequest, statusRequest.encode({ statusType: 1, responderIds: new Uint8Array(0), requestExtensions: new Uint8Array(0) }));
  }
  if (o.signatureAlgorithms) add(EXTENSION.signatureAlgorithms, u16List.encode(o.signatureAlgorithms));
  if (o.signedCertificateTimestamp) add(EXTENSION.signedCertificateTimestamp, emptyBody.encode(true));
  if (o.keyShares || tls13) {
    const shares = o.keyShares ?? [];
    add(EXTENSION.keyShare, keyShareList.encode(grease ? [{ group: grease[3]!, keyExchange: new Uint8Array(1) }, ...shares] : shares));
  }
  if (o.pskKeyExchangeModes) add(EXTENSION.pskKeyExchangeModes, u8List.encode(o.pskKeyExchangeModes));
  const versions = o.supportedVersions ?? (tls13 ? [VERSION['TLSv1.3']] : null);
  if (versions) add(EXTENSION.supportedVersions, versionList.encode(withGrease(versions, 4)));
  if (o.encryptThenMac) add(EXTENSION.encryptThenMac, emptyBody.encode(true));
  if (o.heartbeat !== undefined) add(EXTENSION.heartbeat, u8Value.encode(o.heartbeat));
  exts.push(...(o.extraExtensions ?? []));
  if (grease) add(grease[2]!, new Uint8Array(1));
  return exts;
}

/** Adds a padding extension when the message would be 256–511 bytes: to 512, or by one byte when 508–511. */
function pad(hello: ClientHello): void {
  const length = 4 + encodeClientHello(hello).length;
  if (length < PAD_FROM || length >= PADDED_HELLO_LENGTH) return;
  const withHeader = length + 4;
  hello.extensions!.push({ type: EXTENSION.padding, data: new Uint8Array(Math.max(1, PADDED_HELLO_LENGTH - withHeader)) });
}

/**
 * Five GREASE values taken from the random: [cipher suite, first extension, last extension, group, version].
 * The two extension values always differ (a server may reject a repeated extension type).
 */
function greaseValues(random: Uint8Array): number[] {
  const v = Array.from(random.subarray(0, 5), (b) => ((b & 0xf0) | 0x0a) * 0x101);
  if (v[2] === v[1]) v[2]! ^= 0x1010;
  return v;
}
