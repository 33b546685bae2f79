// Codecs for the bodies of the extensions encscan sends or reads. Each decoder consumes the whole body
// (trailing bytes are an error) so that encode(decode(body)) gives back the same bytes.
import type { ByteReader } from '../codec/byte-reader.js';
import { write } from './byte-writer.js';
import { EXTENSION } from './extensions.js';
import { badValue, tlsReader } from './reader.js';

export interface BodyCodec<T> {
  decode(data: Uint8Array): T;
  encode(value: T): Uint8Array;
}

export interface KeyShareEntry {
  group: number;
  keyExchange: Uint8Array;
}

export interface PskIdentity {
  identity: Uint8Array;
  obfuscatedTicketAge: number;
}

function codec<T>(what: string, read: (r: ByteReader) => T, encode: (value: T) => Uint8Array): BodyCodec<T> {
  return {
    decode(data) {
      const r = tlsReader(data, what);
      const value = read(r);
      r.done();
      return value;
    },
    encode,
  };
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const fromLatin1 = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

/** An empty body (extended_master_secret, encrypt_then_mac, and server-side echoes). */
export const emptyBody = codec<true>('empty extension', () => true, () => new Uint8Array(0));

/** server_name in a ClientHello (RFC 6066 §3): host_name entries only. */
export const serverNameList = codec<string[]>(
  'server_name',
  (r) => {
    const list = r.sub(2, 'server_name_list', 1);
    const names: string[] = [];
    while (list.remaining > 0) {
      const type = list.u8('name_type');
      if (type !== 0) throw badValue('server_name', `name_type ${type}`);
      names.push(latin1(list.vector(2, 'host_name', 1)));
    }
    return names;
  },
  (names) => write((w) => w.nested(2, () => names.forEach((n) => w.u8(0).vector(2, fromLatin1(n))))),
);

/** A 2-byte-length list of 16-bit codes: supported_groups, signature_algorithms(_cert). */
export const u16List = codec<number[]>(
  'u16 list',
  (r) => r.items(2, 2, 'list', 2),
  (codes) => write((w) => w.nested(2, () => codes.forEach((c) => w.u16(c)))),
);

/** A 1-byte-length list of 8-bit codes: ec_point_formats, psk_key_exchange_modes. */
export const u8List = codec<number[]>(
  'u8 list',
  (r) => r.items(1, 1, 'list', 1),
  (codes) => write((w) => w.nested(1, () => codes.forEach((c) => w.u8(c)))),
);

/** supported_versions in a ClientHello: a 1-byte-length list of versions. */
export const versionList = codec<number[]>(
  'supported_versions',
  (r) => r.items(1, 2, 'versions', 2, 254),
  (versions) => write((w) => w.nested(1, () => versions.forEach((v) => w.u16(v)))),
);

/** One 16-bit value: supported_versions in ServerHello, key_share in HelloRetryRequest. */
export const u16Value = codec<number>('u16', (r) => r.u16('value'), (v) => write((w) => w.u16(v)));

/** One 8-bit value: heartbeat mode (RFC 6520), max_fragment_length. */
export const u8Value = codec<number>('u8', (r) => r.u8('value'), (v) => write((w) => w.u8(v)));

/** application_layer_protocol_negotiation (RFC 7301 §3.1): protocol names, non-empty. */
export const protocolNameList = codec<string[]>(
  'alpn',
  (r) => {
    const list = r.sub(2, 'protocol_name_list', 2);
    const names: string[] = [];
    while (list.remaining > 0) names.push(latin1(list.vector(1, 'protocol_name', 1)));
    return names;
  },
  (names) => write((w) => w.nested(2, () => names.forEach((n) => w.vector(1, fromLatin1(n))))),
);

/** renegotiation_info (RFC 5746 §3.2): renegotiated_connection<0..255>. */
export const opaque8 = codec<Uint8Array>('renegotiation_info', (r) => r.vector(1, 'renegotiated_connection'), (b) => write((w) => w.vector(1, b)));

/** cookie (RFC 8446 §4.2.2): cookie<1..2^16-1>. */
export const opaque16 = codec<Uint8Array>('cookie', (r) => r.vector(2, 'cookie', 1), (b) => write((w) => w.vector(2, b)));

/** Bodies kept as they are: session_ticket, padding. */
export const rawBody = codec<Uint8Array>('opaque extension', (r) => r.bytesOf(r.remaining, 'rest'), (b) => Uint8Array.from(b));

/** signed_certificate_timestamp from a server (RFC 6962 §3.3): SerializedSCT entries. */
export const sctList = codec<Uint8Array[]>(
  'signed_certificate_timestamp',
  (r) => {
    const list = r.sub(2, 'sct_list', 1);
    const scts: Uint8Array[] = [];
    while (list.remaining > 0) scts.push(list.vector(2, 'serialized_sct', 1));
    return scts;
  },
  (scts) => write((w) => w.nested(2, () => scts.forEach((s) => w.vector(2, s)))),
);

/** status_request from a client (RFC 6066 §8): status_type, responder ids and request extensions, raw. */
export const statusRequest = codec<{ statusType: number; responderIds: Uint8Array; requestExtensions: Uint8Array }>(
  'status_request',
  (r) => ({ statusType: r.u8('status_type'), responderIds: r.vector(2, 'responder_id_list'), requestExtensions: r.vector(2, 'request_extensions') }),
  (v) => write((w) => w.u8(v.statusType).vector(2, v.responderIds).vector(2, v.requestExtensions)),
);

function readKeyShare(r: ByteReader): KeyShareEntry {
  return { group: r.u16('group'), keyExchange: r.vector(2, 'key_exchange', 1) };
}

/** key_share in a ClientHello: client_shares<0..2^16-1>. */
export const keyShareList = codec<KeyShareEntry[]>(
  'key_share',
  (r) => {
    const list = r.sub(2, 'client_shares');
    const shares: KeyShareEntry[] = [];
    while (list.remaining > 0) shares.push(readKeyShare(list));
    return shares;
  },
  (shares) => write((w) => w.nested(2, () => shares.forEach((s) => w.u16(s.group).vector(2, s.keyExchange)))),
);

/** key_share in a ServerHello: one server_share. */
export const keyShareEntry = codec<KeyShareEntry>('key_share', readKeyShare, (s) => write((w) => w.u16(s.group).vector(2, s.keyExchange)));

/** pre_shared_key in a ClientHello (RFC 8446 §4.2.11): identities and binders. */
export const offeredPsks = codec<{ identities: PskIdentity[]; binders: Uint8Array[] }>(
  'pre_shared_key',
  (r) => {
    const ids = r.sub(2, 'identities', 7);
    const identities: PskIdentity[] = [];
    while (ids.remaining > 0) identities.push({ identity: ids.vector(2, 'identity', 1), obfuscatedTicketAge: ids.u32('obfuscated_ticket_age') });
    const bs = r.sub(2, 'binders', 33);
    const binders: Uint8Array[] = [];
    while (bs.remaining > 0) binders.push(bs.vector(1, 'binder', 32));
    return { identities, binders };
  },
  (v) =>
    write((w) =>
      w
        .nested(2, () => v.identities.forEach((i) => w.vector(2, i.identity).u32(i.obfuscatedTicketAge)))
        .nested(2, () => v.binders.forEach((b) => w.vector(1, b))),
    ),
);

/** The codec of each extension type as it appears in a ClientHello. */
export const CLIENT_HELLO_BODIES: ReadonlyMap<number, BodyCodec<unknown>> = new Map<number, BodyCodec<unknown>>([
  [EXTENSION.serverName, serverNameList],
  [EXTENSION.maxFragmentLength, u8Value],
  [EXTENSION.statusRequest, statusRequest],
  [EXTENSION.supportedGroups, u16List],
  [EXTENSION.ecPointFormats, u8List],
  [EXTENSION.signatureAlgorithms, u16List],
  [EXTENSION.heartbeat, u8Value],
  [EXTENSION.alpn, protocolNameList],
  [EXTENSION.signedCertificateTimestamp, emptyBody],
  [EXTENSION.padding, rawBody],
  [EXTENSION.encryptThenMac, emptyBody],
  [EXTENSION.extendedMasterSecret, emptyBody],
  [EXTENSION.recordSizeLimit, u16Value],
  [EXTENSION.sessionTicket, rawBody],
  [EXTENSION.preSharedKey, offeredPsks],
  [EXTENSION.earlyData, emptyBody],
  [EXTENSION.supportedVersions, versionList],
  [EXTENSION.cookie, opaque16],
  [EXTENSION.pskKeyExchangeModes, u8List],
  [EXTENSION.postHandshakeAuth, emptyBody],
  [EXTENSION.signatureAlgorithmsCert, u16List],
  [EXTENSION.keyShare, keyShareList],
  [EXTENSION.renegotiationInfo, opaque8],
]);

/** The codec of each extension type as it appears in a ServerHello (TLS ≤ 1.2 echoes and TLS 1.3). */
export const SERVER_HELLO_BODIES: ReadonlyMap<number, BodyCodec<unknown>> = new Map<number, BodyCodec<unknown>>([
  [EXTENSION.serverName, emptyBody],
  [EXTENSION.maxFragmentLength, u8Value],
  [EXTENSION.statusRequest, emptyBody],
  [EXTENSION.ecPointFormats, u8List],
  [EXTENSION.heartbeat, u8Value],
  [EXTENSION.alpn, protocolNameList],
  [EXTENSION.signedCertificateTimestamp, sctList],
  [EXTENSION.encryptThenMac, emptyBody],
  [EXTENSION.extendedMasterSecret, emptyBody],
  [EXTENSION.recordSizeLimit, u16Value],
  [EXTENSION.sessionTicket, rawBody],
  [EXTENSION.preSharedKey, u16Value],
  [EXTENSION.supportedVersions, u16Value],
  [EXTENSION.keyShare, keyShareEntry],
  [EXTENSION.renegotiationInfo, opaque8],
]);

/** In EncryptedExtensions (RFC 8446 §4.3.1): the server's echoes plus its supported_groups. */
export const ENCRYPTED_EXTENSIONS_BODIES: ReadonlyMap<number, BodyCodec<unknown>> = new Map<number, BodyCodec<unknown>>([
  ...SERVER_HELLO_BODIES,
  [EXTENSION.supportedGroups, u16List],
  [EXTENSION.earlyData, emptyBody],
]);

/** In a HelloRetryRequest, key_share names the group the server wants and a cookie may come along. */
export const HELLO_RETRY_REQUEST_BODIES: ReadonlyMap<number, BodyCodec<unknown>> = new Map<number, BodyCodec<unknown>>([
  [EXTENSION.supportedVersions, u16Value],
  [EXTENSION.keyShare, u16Value],
  [EXTENSION.cookie, opaque16],
]);
