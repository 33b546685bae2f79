// Base 32 with the extended hex alphabet, without padding (RFC 4648 §7), as NSEC3 uses it (RFC 5155 §3.3).
import { DecodeError } from '../engine/errors.js';

const ALPHABET = '0123456789abcdefghijklmnopqrstuv';

export function base32hexEncode(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31];
  return out;
}

/** Decodes case-insensitively; padding, bad characters or non-zero trailing bits throw DecodeError. */
export function base32hexDecode(text: string): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of text.toLowerCase()) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new DecodeError(`bad base32hex character ${JSON.stringify(ch)}`);
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if (bits >= 5 || (acc & ((1 << bits) - 1)) !== 0) throw new DecodeError(`base32hex text ${JSON.stringify(text)} has a bad length or trailing bits`);
  return Uint8Array.from(out);
}
