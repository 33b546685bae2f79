// The ROBOT test messages (Böck, Somorovsky, Young, "Return Of Bleichenbacher's Oracle Threat",
// USENIX Security 2018, §4): a TLS premaster secret in PKCS#1 v1.5 encryption padding (RFC 8017
// §7.2.1, RFC 5246 §7.4.7.1), once well formed and four times malformed, encrypted with the bare RSA
// operation so that the malformed ones reach the server as they are. A server whose answers differ
// between them is a padding oracle.

export type RobotVector = 'well-formed' | 'wrong-first-bytes' | 'zero-in-padding' | 'no-zero-separator' | 'wrong-version';
export const ROBOT_VECTORS: readonly RobotVector[] = ['well-formed', 'wrong-first-bytes', 'zero-in-padding', 'no-zero-separator', 'wrong-version'];

const PREMASTER_LENGTH = 48;

/**
 * The padded plaintext for `vector`, `k` bytes long (the modulus length). `clientVersion` is the
 * version the hello offered, which a premaster secret starts with. `random(n)` gives n random bytes.
 */
export function robotPlaintext(vector: RobotVector, k: number, clientVersion: number, random: (n: number) => Uint8Array): Uint8Array {
  const out = new Uint8Array(k);
  const nonZero = (n: number) => Uint8Array.from(random(n), (b) => b || 1);
  out.set(nonZero(k));
  out[0] = 0x00;
  out[1] = 0x02;
  const separator = k - PREMASTER_LENGTH - 1;
  switch (vector) {
    case 'wrong-first-bytes':
      out[0] = 0x41;
      out[1] = 0x17;
      break;
    case 'zero-in-padding':
      // The separator 8 bytes in: the "premaster secret" after it is far longer than 48 bytes.
      out[10] = 0x00;
      return out;
    case 'no-zero-separator':
      return out;
    default:
      break;
  }
  out[separator] = 0x00;
  const version = vector === 'wrong-version' ? 0x0202 : clientVersion;
  out[separator + 1] = version >> 8;
  out[separator + 2] = version & 0xff;
  out.set(random(PREMASTER_LENGTH - 2), separator + 3);
  return out;
}

/** m^e mod n for big-endian byte strings, as `k` bytes: textbook RSA, which is what the test needs. */
export function rsaEncryptRaw(message: Uint8Array, modulus: Uint8Array, exponent: Uint8Array): Uint8Array {
  const n = toBig(modulus);
  let base = toBig(message) % n;
  let e = toBig(exponent);
  let acc = 1n;
  while (e > 0n) {
    if (e & 1n) acc = (acc * base) % n;
    base = (base * base) % n;
    e >>= 1n;
  }
  const k = byteLength(n);
  const out = new Uint8Array(k);
  for (let i = k - 1; i >= 0; i--, acc >>= 8n) out[i] = Number(acc & 0xffn);
  return out;
}

function toBig(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString('hex')}`);
}

function byteLength(n: bigint): number {
  return Math.ceil(n.toString(16).length / 2);
}

/** How a decrypted ClientKeyExchange plaintext is formed, in the terms of the vectors above: what a server could leak. */
export function classifyPremaster(plain: Uint8Array, clientVersion: number): RobotVector {
  if (plain[0] !== 0x00 || plain[1] !== 0x02) return 'wrong-first-bytes';
  const separator = plain.indexOf(0x00, 2);
  if (separator < 0) return 'no-zero-separator';
  if (plain.length - separator - 1 !== PREMASTER_LENGTH) return 'zero-in-padding';
  return ((plain[separator + 1]! << 8) | plain[separator + 2]!) === clientVersion ? 'well-formed' : 'wrong-version';
}
