// Valid key shares for the TLS 1.3 hellos, made once per process with node:crypto: X25519 and X448
// (RFC 7748 raw public keys) and the NIST curves as uncompressed points (RFC 8446 §4.2.8.2).
// Post-quantum hybrids are not generated here; group enumeration asks for them with an empty
// key_share instead (the server names its choice in a HelloRetryRequest).
import { createECDH, generateKeyPairSync } from 'node:crypto';
import type { KeyShareEntry } from '../../tls/extension-bodies.js';

const MAKERS: ReadonlyMap<number, () => Uint8Array> = new Map([
  [29, () => rawX('x25519', 32)],
  [30, () => rawX('x448', 56)],
  [23, () => point('prime256v1')],
  [24, () => point('secp384r1')],
  [25, () => point('secp521r1')],
]);

const made = new Map<number, Uint8Array>();

/** A share for `group`, or null when encscan cannot make one. */
export function keyShare(group: number): KeyShareEntry | null {
  const make = MAKERS.get(group);
  if (!make) return null;
  let key = made.get(group);
  if (!key) {
    key = make();
    made.set(group, key);
  }
  return { group, keyExchange: key };
}

function rawX(type: 'x25519' | 'x448', length: number): Uint8Array {
  const spki = generateKeyPairSync(type as 'x25519').publicKey.export({ type: 'spki', format: 'der' });
  return new Uint8Array(spki.subarray(spki.length - length));
}

function point(curve: string): Uint8Array {
  return new Uint8Array(createECDH(curve).generateKeys());
}
