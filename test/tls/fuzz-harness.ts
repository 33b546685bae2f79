// Fuzzing for every TLS parser: random and mutated inputs, seeded from the corpora. A case passes
// when the parser either returns or throws a DecodeError with an ENCSCAN_TLS_* code; when it returns,
// re-encoding the result must give back the input. Used by fuzz.test.ts and scripts/fuzz-parsers.mjs.
import { performance } from 'node:perf_hooks';
import { DecodeError } from '../../src/engine/errors.js';
import { encodeAlert, parseAlert } from '../../src/tls/alert.js';
import { write } from '../../src/tls/byte-writer.js';
import { encodeCertificateMessage, parseCertificateMessage } from '../../src/tls/certificate-message.js';
import { buildClientHello } from '../../src/tls/client-hello-builder.js';
import { encodeClientHello, parseClientHello } from '../../src/tls/client-hello.js';
import { CLIENT_HELLO_BODIES, SERVER_HELLO_BODIES, type BodyCodec } from '../../src/tls/extension-bodies.js';
import { parseExtensionList, writeExtensions, type Extension } from '../../src/tls/extensions.js';
import { encodeHandshake, HandshakeReassembler, parseHandshake } from '../../src/tls/handshake.js';
import { encodeRecord, readRecords } from '../../src/tls/record-layer.js';
import { parseServerHelloDone } from '../../src/tls/server-hello-done.js';
import { encodeServerHello, parseServerHello } from '../../src/tls/server-hello.js';
import { encodeServerKeyExchange, parseServerKeyExchange, type KeyExchangeKind, type SignatureForm } from '../../src/tls/server-key-exchange.js';
import {
  buildSsl2ClientHello,
  encodeSsl2ClientHello,
  encodeSsl2Record,
  encodeSsl2ServerMessage,
  parseSsl2ClientHello,
  parseSsl2ServerMessage,
  readSsl2Record,
} from '../../src/tls/ssl2.js';
import { hex, illustrated, rfc8448 } from './corpora.js';

export interface FuzzTarget {
  name: string;
  seeds: Uint8Array[];
  /** Parses `input`; returns its re-encoding when the parser has one, else null. */
  run(input: Uint8Array): Uint8Array | null;
  /** The code of an error the parser may throw, else null; by default ENCSCAN_TLS_* DecodeErrors. */
  parserError?: (err: unknown) => string | null;
}

const tlsDecodeError = (err: unknown): string | null => (err instanceof DecodeError && err.code.startsWith('ENCSCAN_TLS_') ? err.code : null);

export interface FuzzResult {
  target: string;
  cases: number;
  accepted: number;
  rejected: number;
  codes: Record<string, number>;
  maxMs: number;
  failures: string[];
}

/** mulberry32: a small seeded generator, so a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x20, 0x03];

function mutate(seed: Uint8Array, rand: () => number, seeds: Uint8Array[]): Uint8Array {
  const int = (n: number) => Math.floor(rand() * n);
  const out = Array.from(seed);
  for (let k = 1 + int(4); k > 0; k--) {
    const at = int(out.length + 1);
    switch (int(7)) {
      case 0: if (out.length) out[at % out.length]! ^= 1 << int(8); break;
      case 1: if (out.length) out[at % out.length] = int(256); break;
      case 2: if (out.length) out[at % out.length] = INTERESTING[int(INTERESTING.length)]!; break;
      case 3: out.splice(at, 0, ...Array.from({ length: 1 + int(8) }, () => int(256))); break;
      case 4: out.splice(at, 1 + int(8)); break;
      case 5: out.length = Math.min(out.length, at); break;
      default: {
        const other = seeds[int(seeds.length)]!;
        const from = int(other.length + 1);
        out.splice(at, int(16), ...other.subarray(from, from + 1 + int(64)));
      }
    }
  }
  return Uint8Array.from(out);
}

/** One case: random bytes, or a mutation of a seed (bit flips, truncation, length inflation, splices). */
export function input(target: Pick<FuzzTarget, 'seeds'>, rand: () => number): Uint8Array {
  if (rand() < 0.2 || target.seeds.length === 0) return Uint8Array.from({ length: Math.floor(rand() * 600) }, () => Math.floor(rand() * 256));
  return mutate(target.seeds[Math.floor(rand() * target.seeds.length)]!, rand, target.seeds);
}

/** A case slower than this counts as a hang. */
export const SLOW_CASE_MS = 1_000;

/** Runs `cases` inputs through one target. */
export function fuzz(target: FuzzTarget, cases: number, seed: number): FuzzResult {
  const rand = prng(seed);
  const result: FuzzResult = { target: target.name, cases, accepted: 0, rejected: 0, codes: {}, maxMs: 0, failures: [] };
  const hexOf = (b: Uint8Array) => Buffer.from(b).toString('hex');
  for (let i = 0; i < cases; i++) {
    const bytes = input(target, rand);
    const t0 = performance.now();
    try {
      const again = target.run(bytes);
      result.accepted++;
      if (again && hexOf(again) !== hexOf(bytes)) result.failures.push(`case ${i}: re-encoding differs for ${hexOf(bytes)}`);
    } catch (err) {
      const code = (target.parserError ?? tlsDecodeError)(err);
      if (code !== null) {
        result.rejected++;
        result.codes[code] = (result.codes[code] ?? 0) + 1;
      } else {
        result.failures.push(`case ${i}: ${String(err)} for ${hexOf(bytes)}`);
      }
    }
    const ms = performance.now() - t0;
    if (ms > SLOW_CASE_MS) result.failures.push(`case ${i}: took ${ms.toFixed(0)} ms for ${hexOf(bytes)}`);
    result.maxMs = Math.max(result.maxMs, ms);
    if (result.failures.length >= 10) break;
  }
  return result;
}

/** Re-encodes each extension body the codec table knows, checking it survives; unknown or malformed bodies are skipped. */
function checkBodies(exts: Extension[] | null, bodies: ReadonlyMap<number, BodyCodec<unknown>>): void {
  for (const e of exts ?? []) {
    const codec = bodies.get(e.type);
    let value: unknown;
    try {
      value = codec?.decode(e.data);
    } catch (err) {
      if (err instanceof DecodeError) continue;
      throw err;
    }
    if (codec && Buffer.compare(codec.encode(value), e.data) !== 0) throw new Error(`extension ${e.type} body does not round-trip`);
  }
}

const SKE_VARIANTS: Array<[KeyExchangeKind, SignatureForm]> = [['ecdhe', 'tls12'], ['dhe', 'tls12'], ['dhe', 'legacy'], ['rsa', 'legacy'], ['ecdhe', 'anonymous']];

/** Every parser of src/tls with its seeds. */
export function fuzzTargets(): FuzzTarget[] {
  const rfc = rfc8448();
  const ill = illustrated();
  const bodiesOf = (type: number) => [
    ...rfc.handshake_messages.filter((m) => m.handshake_type === type && !m.message.includes('prefix')).map((m) => parseHandshake(hex(m.hex)).body),
    ...(['tls1.2', 'tls1.3'] as const).flatMap((v) => ill[v].records.filter((r) => !r.embedded && r.concatenated_hex.startsWith('16') && parseInt(r.concatenated_hex.slice(10, 12), 16) === type).map((r) => hex(r.concatenated_hex.slice(18)))),
  ];
  const wire = [...rfc.records.map((r) => hex(r.record_hex)), ...(['tls1.2', 'tls1.3'] as const).flatMap((v) => Object.values(ill[v].capture_files_hex).map(hex))];
  const built = buildClientHello({ version: 'TLSv1.2', random: new Uint8Array(32), cipherSuites: [0x002f], serverName: 'a.test', supportedGroups: [29], alpn: ['h2'], grease: true });
  const clientHellos = [...bodiesOf(1), parseHandshake(built.message).body];
  const ssl2Hello = buildSsl2ClientHello([0x010080, 0x0700c0], new Uint8Array(16).fill(1));
  const ssl2ServerHello = encodeSsl2ServerMessage({ type: 'server-hello', sessionIdHit: 0, certificateType: 1, version: 2, certificate: bodiesOf(11)[0]!.subarray(10, 60), cipherSpecs: [0x010080], connectionId: new Uint8Array(16) });
  const ske = bodiesOf(12);
  const dheSke = hex('0003c5c5c50001020002010206010003aabbcc');

  return [
    { name: 'record layer', seeds: wire, run: (b) => { const { records, rest } = readRecords(b); return Buffer.concat([...records.map(encodeRecord), rest]); } },
    { name: 'handshake reassembly', seeds: wire.map((w) => w.subarray(5)), run: reassembleHalves },
    { name: 'handshake message', seeds: rfc.handshake_messages.map((m) => hex(m.hex)), run: (b) => encodeHandshake(parseHandshake(b)) },
    { name: 'ClientHello', seeds: clientHellos, run: (b) => { const h = parseClientHello(b); checkBodies(h.extensions, CLIENT_HELLO_BODIES); return encodeClientHello(h); } },
    { name: 'ServerHello', seeds: bodiesOf(2), run: (b) => { const h = parseServerHello(b); checkBodies(h.extensions, SERVER_HELLO_BODIES); return encodeServerHello(h); } },
    { name: 'Certificate (TLS 1.2)', seeds: bodiesOf(11), run: (b) => encodeCertificateMessage(parseCertificateMessage(b, 'tls12')) },
    { name: 'Certificate (TLS 1.3)', seeds: bodiesOf(11), run: (b) => encodeCertificateMessage(parseCertificateMessage(b, 'tls13')) },
    { name: 'ServerKeyExchange', seeds: [...ske, dheSke], run: (b) => skeAnyVariant(b) },
    { name: 'ServerHelloDone', seeds: [new Uint8Array(0)], run: (b) => (parseServerHelloDone(b), b) },
    { name: 'Alert', seeds: [Uint8Array.of(2, 40), Uint8Array.of(1, 0)], run: (b) => encodeAlert(parseAlert(b)) },
    { name: 'extension list', seeds: bodiesOf(8), run: (b) => write((w) => writeExtensions(w, parseExtensionList(b))) },
    { name: 'SSLv2 record', seeds: [ssl2Hello, encodeSsl2Record(ssl2ServerHello)], run: (b) => { const r = readSsl2Record(b); return r && (b[0]! & 0x80) !== 0 && r.end === b.length ? encodeSsl2Record(r.record.body) : null; } },
    { name: 'SSLv2 CLIENT-HELLO', seeds: [ssl2Hello.subarray(2)], run: (b) => encodeSsl2ClientHello(parseSsl2ClientHello(b)) },
    { name: 'SSLv2 SERVER-HELLO', seeds: [ssl2ServerHello, Uint8Array.of(0, 0, 1)], run: (b) => encodeSsl2ServerMessage(parseSsl2ServerMessage(b)) },
  ];
}

/** Feeds the input in two halves; the messages that come out must be the input's leading bytes. */
function reassembleHalves(b: Uint8Array): null {
  const r = new HandshakeReassembler(4096);
  const half = b.length >> 1;
  const out = Buffer.concat([...r.push(b.subarray(0, half)), ...r.push(b.subarray(half))].map(encodeHandshake));
  if (Buffer.compare(out, b.subarray(0, out.length)) !== 0) throw new Error('reassembled messages differ from the input');
  return null;
}

/** Tries each key-exchange layout; an input any of them accepts must round-trip in that layout. */
function skeAnyVariant(b: Uint8Array): Uint8Array {
  let last: unknown;
  for (const [kind, form] of SKE_VARIANTS) {
    try {
      return encodeServerKeyExchange(parseServerKeyExchange(b, kind, form));
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      last = err;
    }
  }
  throw last;
}
