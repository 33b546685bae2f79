import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecodeError } from '../engine/errors.js';
import { PACKAGE_ROOT } from '../package-root.js';

const table = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'dnssec', 'rr-types.json'), 'utf8')) as { types: Record<string, number> }).types;
const byNumber = new Map(Object.entries(table).map(([k, v]) => [v, k]));

/** The numbers of the RR types the validator names in code. */
export const RR = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, MX: 15, TXT: 16, AAAA: 28, DNAME: 39, OPT: 41, DS: 43, RRSIG: 46, NSEC: 47,
  DNSKEY: 48, NSEC3: 50, NSEC3PARAM: 51, CDS: 59, CDNSKEY: 60,
} as const;

/** Mnemonic of a type, or TYPEnnn (RFC 3597 §5). */
export function typeName(type: number): string {
  return byNumber.get(type) ?? `TYPE${type}`;
}

/** Number of a type mnemonic or of TYPEnnn; DecodeError when unknown. */
export function typeNumber(text: string): number {
  const upper = text.toUpperCase();
  const known = table[upper];
  if (known !== undefined) return known;
  const m = /^TYPE(\d{1,5})$/.exec(upper);
  if (m && Number(m[1]) <= 0xffff) return Number(m[1]);
  throw new DecodeError(`unknown RR type ${JSON.stringify(text)}`);
}
