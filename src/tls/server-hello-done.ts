// ServerHelloDone (RFC 5246 §7.4.5) has an empty body.
import { ByteReader } from './byte-reader.js';

export function parseServerHelloDone(body: Uint8Array): void {
  new ByteReader(body, 'ServerHelloDone').done();
}
