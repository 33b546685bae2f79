// ServerKeyExchange (RFC 5246 §7.4.3, RFC 8422 §5.4, RFC 2246 §7.4.3 for RSA_EXPORT). Its layout
// depends on the negotiated suite, so the caller says which key exchange it is and how it is signed:
// with a SignatureAndHashAlgorithm (TLS 1.2), without one (SSLv3–TLS 1.1), or not at all (anon).
import type { ByteReader } from '../codec/byte-reader.js';
import { write } from './byte-writer.js';
import { badValue, tlsReader } from './reader.js';
import { groupName, signatureSchemeName } from './registry.js';

/** ECParameters.curve_type named_curve; explicit curves (1, 2) are deprecated by RFC 8422 §5.4. */
export const NAMED_CURVE = 3;

export type KeyExchangeKind = 'ecdhe' | 'dhe' | 'rsa';
export type SignatureForm = 'tls12' | 'legacy' | 'anonymous';

export type KeyExchangeParams =
  | { kind: 'ecdhe'; group: number; groupName: string | null; point: Uint8Array }
  | { kind: 'dhe'; p: Uint8Array; g: Uint8Array; ys: Uint8Array; groupBits: number }
  | { kind: 'rsa'; modulus: Uint8Array; exponent: Uint8Array; modulusBits: number };

export interface KeyExchangeSignature {
  /** SignatureScheme / SignatureAndHashAlgorithm; null before TLS 1.2. */
  scheme: number | null;
  schemeName: string | null;
  bytes: Uint8Array;
}

export interface ServerKeyExchange {
  params: KeyExchangeParams;
  signature: KeyExchangeSignature | null;
}

export function parseServerKeyExchange(body: Uint8Array, kind: KeyExchangeKind, form: SignatureForm): ServerKeyExchange {
  const r = tlsReader(body, 'ServerKeyExchange');
  const params = readParams(r, kind);
  let signature: KeyExchangeSignature | null = null;
  if (form !== 'anonymous') {
    const scheme = form === 'tls12' ? r.u16('signature_algorithm') : null;
    signature = { scheme, schemeName: scheme === null ? null : signatureSchemeName(scheme), bytes: r.vector(2, 'signature') };
  }
  r.done();
  return { params, signature };
}

function readParams(r: ByteReader, kind: KeyExchangeKind): KeyExchangeParams {
  switch (kind) {
    case 'ecdhe': {
      const curveType = r.u8('curve_type');
      if (curveType !== NAMED_CURVE) throw badValue('ServerKeyExchange', `curve_type ${curveType} is not named_curve`);
      const group = r.u16('namedcurve');
      return { kind, group, groupName: groupName(group), point: r.vector(1, 'public', 1) };
    }
    case 'dhe': {
      const p = r.vector(2, 'dh_p', 1);
      return { kind, p, g: r.vector(2, 'dh_g', 1), ys: r.vector(2, 'dh_Ys', 1), groupBits: bitLength(p) };
    }
    case 'rsa': {
      const modulus = r.vector(2, 'rsa_modulus', 1);
      return { kind, modulus, exponent: r.vector(2, 'rsa_exponent', 1), modulusBits: bitLength(modulus) };
    }
  }
}

export function encodeServerKeyExchange(ske: ServerKeyExchange): Uint8Array {
  return write((w) => {
    const p = ske.params;
    if (p.kind === 'ecdhe') w.u8(NAMED_CURVE).u16(p.group).vector(1, p.point);
    else if (p.kind === 'dhe') w.vector(2, p.p).vector(2, p.g).vector(2, p.ys);
    else w.vector(2, p.modulus).vector(2, p.exponent);
    if (ske.signature) {
      if (ske.signature.scheme !== null) w.u16(ske.signature.scheme);
      w.vector(2, ske.signature.bytes);
    }
  });
}

/** Bits of a big-endian unsigned integer, leading zeros ignored: the DH group or RSA modulus size. */
export function bitLength(n: Uint8Array): number {
  let i = 0;
  while (i < n.length && n[i] === 0) i++;
  return i === n.length ? 0 : (n.length - i - 1) * 8 + (32 - Math.clz32(n[i]!));
}
