// ServerHelloDone (RFC 5246 §7.4.5) has an empty body.
import { tlsReader } from './reader.js';

export function parseServerHelloDone(body: Uint8Array): void {
  tlsReader(body, 'ServerHelloDone').done();
}
