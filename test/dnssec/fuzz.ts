// Deterministic mutation of seed inputs for the parsers' fuzz tests.

/** A deterministic generator (mulberry32), so a failure reproduces. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mutate(seed: Uint8Array, rand: () => number): Uint8Array {
  const b = Array.from(seed);
  const n = 1 + Math.floor(rand() * 4);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(rand() * b.length);
    const op = Math.floor(rand() * 5);
    if (op === 0) b[at] = Math.floor(rand() * 256);
    else if (op === 1) b.length = at;
    else if (op === 2) b.splice(at, 0, Math.floor(rand() * 256));
    else if (op === 3) b[at] = 0xc0 | Math.floor(rand() * 64); // a compression pointer anywhere
    else b.splice(at, Math.floor(rand() * 8));
  }
  return Uint8Array.from(b);
}
