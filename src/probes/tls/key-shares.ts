// Key shares for crafted TLS 1.3 hellos, made with node:crypto: X25519 and X448 (RFC 7748 raw public
// keys) and the NIST curves as uncompressed points (RFC 8446 §4.2.8.2). The post-quantum groups
// need real ML-KEM encapsulation keys (FIPS 203), which a server checks before encapsulating to them:
// @noble/post-quantum makes them, loaded by `preparePqShares()` only when a hello offers such a group.
// Shares are made once per process: enumeration reads the server's choice, never a shared secret.
import { createECDH, generateKeyPairSync } from 'node:crypto';
import type { KeyShareEntry } from '../../tls/extension-bodies.js';

const MAKERS: ReadonlyMap<number, () => Uint8Array> = new Map([
  [29, () => rawX('x25519', 32)],
  [30, () => rawX('x448', 56)],
  [23, () => point('prime256v1')],
  [24, () => point('secp384r1')],
  [25, () => point('secp521r1')],
]);

type KemSize = 512 | 768 | 1024;

/**
 * ML-KEM groups and hybrids: the share is the concatenation of its parts in this order
 * (draft-ietf-tls-mlkem §3, draft-ietf-tls-ecdhe-mlkem §3: X25519MLKEM768 puts ML-KEM first, the NIST curves go first).
 */
const PQ_GROUPS: ReadonlyMap<number, ReadonlyArray<number | KemSize>> = new Map<number, ReadonlyArray<number | KemSize>>([
  [0x0200, [512]],
  [0x0201, [768]],
  [0x0202, [1024]],
  [0x11eb, [23, 768]],
  [0x11ec, [768, 29]],
  [0x11ed, [24, 1024]],
]);

const made = new Map<number, Uint8Array>();
let encapsulationKey: ((size: KemSize) => Uint8Array) | null = null;

export function isPqGroup(group: number): boolean {
  return PQ_GROUPS.has(group);
}

/** Loads ML-KEM key generation when `groups` holds a post-quantum group; cheap otherwise. */
export async function preparePqShares(groups: readonly number[]): Promise<void> {
  if (encapsulationKey || !groups.some(isPqGroup)) return;
  const { ml_kem512, ml_kem768, ml_kem1024 } = await import('@noble/post-quantum/ml-kem.js');
  const kems = { 512: ml_kem512, 768: ml_kem768, 1024: ml_kem1024 } as const;
  encapsulationKey = (size) => kems[size].keygen().publicKey;
}

/** A share for `group`, or null when encscan cannot make one (or, for ML-KEM, before `preparePqShares`). */
export function keyShare(group: number): KeyShareEntry | null {
  let key = made.get(group);
  if (!key) {
    const fresh = makeShare(group);
    if (!fresh) return null;
    key = fresh;
    made.set(group, key);
  }
  return { group, keyExchange: key };
}

function makeShare(group: number): Uint8Array | null {
  const classic = MAKERS.get(group);
  if (classic) return classic();
  const parts = PQ_GROUPS.get(group);
  if (!parts || !encapsulationKey) return null;
  const make = encapsulationKey;
  return Buffer.concat(parts.map((p) => (p === 512 || p === 768 || p === 1024 ? make(p) : MAKERS.get(p)!())));
}

function rawX(type: 'x25519' | 'x448', length: number): Uint8Array {
  const spki = generateKeyPairSync(type as 'x25519').publicKey.export({ type: 'spki', format: 'der' });
  return new Uint8Array(spki.subarray(spki.length - length));
}

function point(curve: string): Uint8Array {
  return new Uint8Array(createECDH(curve).generateKeys());
}
