// The ClientHello message body (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2), field by field. The extension
// block is optional before TLS 1.3 (SSLv3 hellos often have none), so `extensions` is null when absent.
import { write } from './byte-writer.js';
import { readExtensions, writeExtensions, type Extension, type NamedExtension } from './extensions.js';
import { tlsReader } from './reader.js';

export interface ClientHello<E extends Extension = Extension> {
  /** legacy_version: 0x0303 for TLS 1.3 (the real versions go in supported_versions). */
  version: number;
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuites: number[];
  compressionMethods: number[];
  extensions: E[] | null;
}

export function parseClientHello(body: Uint8Array): ClientHello<NamedExtension> {
  const r = tlsReader(body, 'ClientHello');
  const hello: ClientHello<NamedExtension> = {
    version: r.u16('legacy_version'),
    random: r.bytesOf(32, 'random'),
    sessionId: r.vector(1, 'legacy_session_id', 0, 32),
    cipherSuites: r.items(2, 2, 'cipher_suites', 2),
    compressionMethods: r.items(1, 1, 'legacy_compression_methods', 1),
    extensions: null,
  };
  if (r.remaining > 0) hello.extensions = readExtensions(r);
  r.done();
  return hello;
}

export function encodeClientHello(hello: ClientHello): Uint8Array {
  return write((w) => {
    w.u16(hello.version).bytes(hello.random).vector(1, hello.sessionId);
    w.nested(2, () => hello.cipherSuites.forEach((s) => w.u16(s)));
    w.nested(1, () => hello.compressionMethods.forEach((m) => w.u8(m)));
    if (hello.extensions) writeExtensions(w, hello.extensions);
  });
}
