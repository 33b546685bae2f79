import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSctExtension, parseSctList } from '../../src/pki/sct-list.js';

/** One SerializedSCT: v1, log id, timestamp, no extensions, a fake ECDSA signature. */
function sct(logByte: number, ms: number): Buffer {
  const body = Buffer.concat([
    Buffer.from([0]),
    Buffer.alloc(32, logByte),
    (() => {
      const t = Buffer.alloc(8);
      t.writeBigUInt64BE(BigInt(ms));
      return t;
    })(),
    Buffer.from([0, 0, 4, 3, 0, 2, 0xaa, 0xbb]),
  ]);
  return Buffer.concat([Buffer.from([body.length >> 8, body.length & 0xff]), body]);
}
const list = (...items: Buffer[]): Buffer => {
  const all = Buffer.concat(items);
  return Buffer.concat([Buffer.from([all.length >> 8, all.length & 0xff]), all]);
};

describe('parseSctList', () => {
  it('reads log ids and timestamps (RFC 6962 §3.3 layout)', () => {
    const t = Date.parse('2026-05-01T12:00:00Z');
    expect(parseSctList(list(sct(1, t), sct(2, t + 1000)))).toEqual([
      { version: 0, logId: '01'.repeat(32), timestamp: '2026-05-01T12:00:00.000Z' },
      { version: 0, logId: '02'.repeat(32), timestamp: '2026-05-01T12:00:01.000Z' },
    ]);
  });

  it('unwraps the OCTET STRING of the certificate extension', () => {
    const inner = list(sct(7, 0));
    const ext = Buffer.concat([Buffer.from([0x04, inner.length]), inner]);
    expect(parseSctExtension(ext).map((s) => s.logId)).toEqual(['07'.repeat(32)]);
  });

  it('gives a timestamp no date can hold as null', () => {
    expect(parseSctList(list(sct(1, 2 ** 53 - 1)))[0]!.timestamp).toBeNull();
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['list length too long', Buffer.from([0, 9, 0, 1])],
    ['entry overruns', list(Buffer.from([0, 50, 1, 2]))],
    ['entry too short', list(Buffer.from([0, 2, 1, 2]))],
  ])('throws DecodeError on %s', (_, bytes) => {
    expect(() => parseSctList(bytes)).toThrow(expect.objectContaining({ code: 'ENCSCAN_DECODE' }));
  });

  it('never throws anything but DecodeError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          parseSctList(bytes);
        } catch (err) {
          expect((err as { code?: string }).code).toBe('ENCSCAN_DECODE');
        }
      }),
    );
  });
});
