import { describe, expect, it } from 'vitest';
import { canonicalRdata } from '../../src/dnssec/canonical.js';
import { DecodeError } from '../../src/engine/errors.js';
import { nameToString, readName } from '../../src/dnssec/name.js';
import { parseRecord } from '../../src/dnssec/presentation.js';
import { decodeDnskey, decodeDs, decodeNsec, decodeNsec3, decodeNsec3Param, decodeRrsig, decodeTypeBitmap, encodeTypeBitmap } from '../../src/dnssec/rdata.js';
import { dnsReader } from '../../src/dnssec/reader.js';
import { RR, typeName } from '../../src/dnssec/rr-types.js';
import { decodeMessage } from '../../src/dnssec/wire.js';
import { readCorpus } from './corpus.js';
import { mutate, rng } from './fuzz.js';
import { buildMessage, type Sections } from './message-builder.js';

interface ResponseVector {
  id: string;
  kind: string;
  question?: string;
  sections?: Sections;
}
const responses = readCorpus<{ vectors: ResponseVector[] }>('rfc-dnssec-vectors', 'vectors.json').vectors.filter((v) => v.kind === 'response');

const decoders: Record<number, (rd: Uint8Array) => unknown> = {
  [RR.DNSKEY]: decodeDnskey, [RR.DS]: decodeDs, [RR.RRSIG]: decodeRrsig, [RR.NSEC]: decodeNsec, [RR.NSEC3]: decodeNsec3, [RR.NSEC3PARAM]: decodeNsec3Param,
};

describe('decodeMessage', () => {
  it.each(responses.map((v) => [v.id, v] as const))('%s: compressed message decodes to the presentation records', (_id, v) => {
    const lines = [...v.sections!.answer, ...v.sections!.authority, ...v.sections!.additional];
    const msg = decodeMessage(buildMessage(v.question!, v.sections!));
    const got = [...msg.answer, ...msg.authority, ...msg.additional];
    expect(got.map((rr) => [nameToString(rr.owner), typeName(rr.type), Buffer.from(rr.rdata).toString('hex')])).toEqual(
      lines.map((l) => parseRecord(l)).map((rr) => [nameToString(rr.owner), typeName(rr.type), Buffer.from(rr.rdata).toString('hex')]),
    );
    expect(msg.question).toHaveLength(1);
  });

  it('rejects a pointer loop, a forward pointer and a self pointer', () => {
    const header = [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
    const loop = Uint8Array.from([...header, 1, 0x61, 0xc0, 12, 0, 1, 0, 1]);
    const forward = Uint8Array.from([...header, 0xc0, 14, 1, 0x61, 0, 0, 1, 0, 1]);
    for (const m of [loop, forward]) expect(() => decodeMessage(m)).toThrow(DecodeError);
  });

  it('follows a chain of backward pointers', () => {
    // "b.a." at 12, "c" + pointer to 12 at 17, question name: pointer to 17.
    const bytes = Uint8Array.from([1, 0x62, 1, 0x61, 0, 1, 0x63, 0xc0, 0, 0xc0, 5]);
    const r = dnsReader(bytes, 9);
    expect(nameToString(readName(r, bytes))).toBe('c.b.a.');
    expect(r.offset).toBe(11);
  });

  it('rejects trailing bytes, bad label types and long names', () => {
    const ok = buildMessage('example. IN A', { answer: ['example. 60 IN A 192.0.2.1'], authority: [], additional: [] });
    expect(() => decodeMessage(Uint8Array.from([...ok, 0]))).toThrow(DecodeError);
    expect(() => readName(dnsReader(Uint8Array.of(0x41, 0)))).toThrow(DecodeError);
    const long = new Uint8Array(5 * 64 + 1);
    for (let i = 0; i < 5; i++) long[i * 64] = 63;
    expect(() => readName(dnsReader(long))).toThrow(DecodeError);
  });
});

describe('RDATA decoders', () => {
  it('decodes NSEC3 and its type bitmap', () => {
    const rr = parseRecord('0p9mhaveqvm6t7vbl5lop2u3t2rp3tom.example. 3600 IN NSEC3 1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr NS SOA MX RRSIG DNSKEY NSEC3PARAM');
    const n = decodeNsec3(rr.rdata);
    expect([n.hashAlgorithm, n.flags, n.iterations, Buffer.from(n.salt).toString('hex'), n.nextHashedOwner.length]).toEqual([1, 1, 12, 'aabbccdd', 20]);
    expect(n.types.map(typeName)).toEqual(['NS', 'SOA', 'MX', 'RRSIG', 'DNSKEY', 'NSEC3PARAM']);
  });

  it('round-trips type bitmaps across windows and rejects malformed ones', () => {
    const types = [1, 2, 46, 47, 255, 256, 257, 32768, 65535];
    expect(decodeTypeBitmap(encodeTypeBitmap(types))).toEqual(types);
    expect(() => decodeTypeBitmap(Uint8Array.of(0, 1, 0))).toThrow(DecodeError); // trailing zero octet
    expect(() => decodeTypeBitmap(Uint8Array.of(1, 1, 0x40, 0, 1, 0x40))).toThrow(DecodeError); // windows out of order
    expect(() => decodeTypeBitmap(Uint8Array.of(0, 33, ...new Array<number>(33).fill(1)))).toThrow(DecodeError);
    expect(() => decodeTypeBitmap(Uint8Array.of(0, 2, 0x40))).toThrow(DecodeError); // truncated
  });

  it('rejects a compression pointer inside RRSIG and NSEC names', () => {
    const sig = parseRecord('example. 60 IN RRSIG A 8 1 60 20300101000000 20000101000000 1 example. AAAA').rdata;
    const bad = Uint8Array.from([...sig.subarray(0, 18), 0xc0, 0]);
    expect(() => decodeRrsig(bad)).toThrow(DecodeError);
    expect(() => decodeNsec(Uint8Array.of(0xc0, 0))).toThrow(DecodeError);
  });
});

describe('fuzz: mutated messages', () => {
  it('only ever throw DecodeError, and finish quickly', () => {
    const seeds = responses.map((v) => buildMessage(v.question!, v.sections!));
    const rand = rng(6);
    let decoded = 0;
    let rejected = 0;
    const started = Date.now();
    for (let i = 0; i < 4000; i++) {
      const input = mutate(seeds[i % seeds.length]!, rand);
      try {
        const msg = decodeMessage(input);
        decoded++;
        for (const rr of [...msg.answer, ...msg.authority, ...msg.additional]) {
          try {
            decoders[rr.type]?.(rr.rdata);
            canonicalRdata(rr.type, rr.rdata);
          } catch (err) {
            if (!(err instanceof DecodeError)) throw err;
          }
        }
      } catch (err) {
        if (!(err instanceof DecodeError)) throw err;
        rejected++;
      }
    }
    expect(decoded + rejected).toBe(4000);
    expect(decoded).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
