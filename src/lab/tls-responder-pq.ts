// How the scripted responder treats post-quantum key shares: like a real server it checks the
// client's ML-KEM encapsulation key (FIPS 203 §7.2: every 12-bit coefficient below q) before it
// would encapsulate, and answers with a share as long as a real ciphertext (plus the curve part).
const Q = 3329;

interface PqLayout {
  /** Bytes before the ML-KEM part (the NIST curve point), after it (X25519), and its parameter k. */
  before: number;
  after: number;
  k: 2 | 3 | 4;
  /** The server's curve share length. */
  curve: number;
}

const LAYOUTS: ReadonlyMap<number, PqLayout> = new Map([
  [0x0200, { before: 0, after: 0, k: 2, curve: 0 }],
  [0x0201, { before: 0, after: 0, k: 3, curve: 0 }],
  [0x0202, { before: 0, after: 0, k: 4, curve: 0 }],
  [0x11eb, { before: 65, after: 0, k: 3, curve: 65 }],
  [0x11ec, { before: 0, after: 32, k: 3, curve: 32 }],
  [0x11ed, { before: 97, after: 0, k: 4, curve: 97 }],
]);

const CIPHERTEXT: Record<2 | 3 | 4, number> = { 2: 768, 3: 1088, 4: 1568 };

/** null when `group` is no ML-KEM group or the share is acceptable; else what is wrong with it. */
export function pqShareProblem(group: number, share: Uint8Array): string | null {
  const l = LAYOUTS.get(group);
  if (!l) return null;
  const ekLength = 384 * l.k + 32;
  if (share.length !== l.before + ekLength + l.after) return `share of ${share.length} bytes`;
  const t = share.subarray(l.before, l.before + 384 * l.k);
  for (let i = 0; i + 2 < t.length; i += 3) {
    const a = t[i]! | ((t[i + 1]! & 0x0f) << 8);
    const b = (t[i + 1]! >> 4) | (t[i + 2]! << 4);
    if (a >= Q || b >= Q) return 'encapsulation key fails the modulus check';
  }
  return null;
}

/** Length of the server's share for `group`: ciphertext plus curve share; null for classic groups. */
export function pqServerShareLength(group: number): number | null {
  const l = LAYOUTS.get(group);
  return l ? CIPHERTEXT[l.k] + l.curve : null;
}
