import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSct } from '../../src/probes/tls/sct.js';

describe('SCTs from the ServerHello', () => {
  it('reads version 1 log id and timestamp (RFC 6962 §3.2)', () => {
    const sct = Uint8Array.from([0, ...new Array<number>(32).fill(7), 0, 0, 1, 0x8b, 0xcf, 0xe5, 0x68, 0x00, 0, 0]);
    expect(parseSct(sct)).toEqual({ logId: Buffer.alloc(32, 7).toString('base64'), timestamp: 1_700_000_000_000, sct: Buffer.from(sct).toString('base64') });
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['too short for a log id', Uint8Array.of(0, 1, 2)],
    ['an unknown version', Uint8Array.from([1, ...new Array<number>(40).fill(0)])],
  ])('%s: kept raw, nothing guessed', (_name, sct) => {
    expect(parseSct(sct)).toEqual({ logId: null, timestamp: null, sct: Buffer.from(sct).toString('base64') });
  });

  it('never throws on random bytes', () => {
    for (let i = 0; i < 2000; i++) expect(() => parseSct(new Uint8Array(randomBytes(i % 64)))).not.toThrow();
  });
});
