// The published finite-field Diffie-Hellman groups a server may send in its ServerKeyExchange:
// RFC 2409 §6 (Oakley groups 1 and 2), RFC 3526 (MODP groups 5, 14–18) and RFC 7919 (ffdhe). Their
// primes follow one formula, p = 2^n − 2^(n−64) − 1 + 2^64·(⌊2^(n−130)·c⌋ + k), with c = π for the
// MODP groups and c = e for ffdhe, and k the smallest value making p a safe prime (given in each RFC),
// so they are computed here rather than copied. A widely shared 1024-bit prime is what the Logjam
// paper (Adrian et al., CCS 2015) showed a state-level attacker can precompute.

interface GroupSpec {
  name: string;
  bits: number;
  constant: 'pi' | 'e';
  k: number;
}

const GROUPS: readonly GroupSpec[] = [
  { name: 'RFC 2409 group 1', bits: 768, constant: 'pi', k: 149686 },
  { name: 'RFC 2409 group 2', bits: 1024, constant: 'pi', k: 129093 },
  { name: 'RFC 3526 group 5', bits: 1536, constant: 'pi', k: 741804 },
  { name: 'RFC 3526 group 14', bits: 2048, constant: 'pi', k: 124476 },
  { name: 'RFC 3526 group 15', bits: 3072, constant: 'pi', k: 1690314 },
  { name: 'RFC 3526 group 16', bits: 4096, constant: 'pi', k: 240904 },
  { name: 'RFC 3526 group 17', bits: 6144, constant: 'pi', k: 929484 },
  { name: 'RFC 3526 group 18', bits: 8192, constant: 'pi', k: 4743158 },
  { name: 'RFC 7919 ffdhe2048', bits: 2048, constant: 'e', k: 560316 },
  { name: 'RFC 7919 ffdhe3072', bits: 3072, constant: 'e', k: 2625351 },
  { name: 'RFC 7919 ffdhe4096', bits: 4096, constant: 'e', k: 5736041 },
  { name: 'RFC 7919 ffdhe6144', bits: 6144, constant: 'e', k: 15705020 },
  { name: 'RFC 7919 ffdhe8192', bits: 8192, constant: 'e', k: 10965728 },
];

/** Fraction bits carried beyond the largest group, so that truncation never reaches the bits used. */
const GUARD_BITS = 64;
const PRECISION = 8192 - 130 + GUARD_BITS;

let primes: Map<string, string> | undefined;
let piValue: bigint | undefined;
let eValue: bigint | undefined;

/** The published group whose prime is `p` (big-endian, leading zeros allowed), or null. */
export function knownDhGroup(p: Uint8Array): string | null {
  let i = 0;
  while (i < p.length && p[i] === 0) i++;
  // Every published prime starts with 64 one bits; anything else is no published group, and the table is not built.
  if (p.length - i < 8 || p.subarray(i, i + 8).some((b) => b !== 0xff)) return null;
  primes ??= new Map(GROUPS.map((g) => [dhGroupPrime(g.name)!.toString(16), g.name]));
  return primes.get(Buffer.from(p.subarray(i)).toString('hex')) ?? null;
}

/** The prime of a group by its name above. */
export function dhGroupPrime(name: string): bigint | null {
  const g = GROUPS.find((x) => x.name === name);
  if (!g) return null;
  const n = BigInt(g.bits);
  const c = g.constant === 'pi' ? (piValue ??= pi()) : (eValue ??= e());
  const scaled = c >> BigInt(PRECISION - (g.bits - 130));
  return (1n << n) - (1n << (n - 64n)) - 1n + (1n << 64n) * (scaled + BigInt(g.k));
}

/** π · 2^PRECISION, by Machin's formula π = 16·atan(1/5) − 4·atan(1/239). */
function pi(): bigint {
  return 16n * atanInverse(5n) - 4n * atanInverse(239n);
}

/** atan(1/x) · 2^PRECISION. */
function atanInverse(x: bigint): bigint {
  const one = 1n << BigInt(PRECISION + GUARD_BITS);
  let power = one / x;
  let sum = power;
  const x2 = x * x;
  for (let k = 1n; power !== 0n; k++) {
    power /= x2;
    sum += (k % 2n === 0n ? 1n : -1n) * (power / (2n * k + 1n));
  }
  return sum >> BigInt(GUARD_BITS);
}

/** e · 2^PRECISION, as the sum of 1/k!. */
function e(): bigint {
  const one = 1n << BigInt(PRECISION + GUARD_BITS);
  let term = one;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k++) {
    sum += term;
    term /= k;
  }
  return sum >> BigInt(GUARD_BITS);
}
