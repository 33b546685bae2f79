// Hello extensions (RFC 8446 §4.2): a 2-byte type and a 2-byte-length body, in a list with a 2-byte
// length. The list parser keeps every extension with its raw body, in order, named from
// extension-types.json; the body codecs in extension-bodies.ts give the known ones meaning.
import type { ByteReader } from '../codec/byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import { tlsReader } from './reader.js';
import { extensionName } from './registry.js';

export const EXTENSION = {
  serverName: 0,
  maxFragmentLength: 1,
  statusRequest: 5,
  supportedGroups: 10,
  ecPointFormats: 11,
  signatureAlgorithms: 13,
  heartbeat: 15,
  alpn: 16,
  signedCertificateTimestamp: 18,
  padding: 21,
  encryptThenMac: 22,
  extendedMasterSecret: 23,
  recordSizeLimit: 28,
  sessionTicket: 35,
  preSharedKey: 41,
  earlyData: 42,
  supportedVersions: 43,
  cookie: 44,
  pskKeyExchangeModes: 45,
  postHandshakeAuth: 49,
  signatureAlgorithmsCert: 50,
  keyShare: 51,
  renegotiationInfo: 0xff01,
} as const;

export interface Extension {
  type: number;
  data: Uint8Array;
}

export interface NamedExtension extends Extension {
  /** From extension-types.json; "GREASE" for RFC 8701 values; null when unknown. */
  name: string | null;
}

/** Reads a 2-byte-length extension list from `r`. */
export function readExtensions(r: ByteReader): NamedExtension[] {
  const list = r.sub(2, 'extensions');
  const out: NamedExtension[] = [];
  while (list.remaining > 0) {
    const type = list.u16('extension_type');
    out.push({ type, name: extensionName(type), data: list.vector(2, 'extension_data') });
  }
  return out;
}

/** A complete extension list (length prefix included), as in EncryptedExtensions' body. */
export function parseExtensionList(bytes: Uint8Array, what = 'extensions'): NamedExtension[] {
  const r = tlsReader(bytes, what);
  const out = readExtensions(r);
  r.done();
  return out;
}

export function writeExtensions(w: ByteWriter, extensions: readonly Extension[]): void {
  w.nested(2, () => {
    for (const e of extensions) w.u16(e.type).vector(2, e.data);
  });
}

/** The first extension of `type`, if any. */
export function findExtension<E extends Extension>(extensions: readonly E[] | null, type: number): E | undefined {
  return extensions?.find((e) => e.type === type);
}
