import { describe, expect, it } from 'vitest';
import { HandshakeReassembler, encodeHandshake, expectHandshake, parseHandshake } from '../../src/tls/handshake.js';
import { MAX_RECORD_FRAGMENT, RecordStream, encodeRecords, readRecord, readRecords } from '../../src/tls/record-layer.js';
import { hex, toHex } from './corpora.js';

const code = (code: string) => expect.objectContaining({ code });
const record = (type: number, body: number[]) => Uint8Array.from([type, 3, 3, body.length >> 8, body.length & 0xff, ...body]);

describe('record layer', () => {
  it.each([0, 1, 2, 3, 4, 5, 6])('needs more bytes with only %i bytes of a 2-byte record', (n) => {
    expect(readRecord(record(21, [2, 40]).subarray(0, n))).toBeNull();
  });

  it('splits complete records off and keeps the incomplete tail', () => {
    const wire = Buffer.concat([record(22, [1, 2, 3]), record(21, [2, 40]), record(23, [9, 9, 9]).subarray(0, 6)]);
    const { records, rest } = readRecords(wire);
    expect(records.map((r) => [r.contentType, r.version, toHex(r.fragment)])).toEqual([[22, 0x0303, '010203'], [21, 0x0303, '0228']]);
    expect(toHex(rest)).toBe('170303000309');
  });

  it(`accepts a ${MAX_RECORD_FRAGMENT}-byte fragment and refuses one byte more at once, before it arrives`, () => {
    expect(readRecord(hex('170303' + MAX_RECORD_FRAGMENT.toString(16).padStart(4, '0')))).toBeNull();
    expect(() => readRecord(hex('170303' + (MAX_RECORD_FRAGMENT + 1).toString(16).padStart(4, '0')))).toThrow(code('ENCSCAN_TLS_RECORD_OVERFLOW'));
  });

  it.each([
    ['an HTTP answer', 'HTTP/1.1 400'],
    ['content type 25', '\x19\x03\x03'],
    ['content type 19', '\x13\x03\x03'],
    ['an SSLv2 header', '\x80\x2e\x04'],
    ['major version 2', '\x16\x02'],
  ])('refuses %s as not TLS from its first bytes', (_, text) => {
    expect(() => readRecord(Uint8Array.from(Buffer.from(text, 'latin1')))).toThrow(code('ENCSCAN_TLS_NOT_TLS'));
  });

  it('RecordStream hands out records as their last byte arrives', () => {
    const wire = Buffer.concat([record(22, [1, 2, 3]), record(20, [1])]);
    const stream = new RecordStream();
    const seen = Array.from(wire, (b) => stream.push(Uint8Array.of(b)).length);
    expect(seen).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(stream.buffered).toBe(0);
  });

  it('encodeRecords splits data into fragments of the given size', () => {
    const { records } = readRecords(encodeRecords(22, 0x0301, new Uint8Array(10).fill(1), 4));
    expect(records.map((r) => [r.version, r.fragment.length])).toEqual([[0x0301, 4], [0x0301, 4], [0x0301, 2]]);
    expect(readRecords(encodeRecords(23, 0x0303, new Uint8Array(0))).records.map((r) => r.fragment.length)).toEqual([0]);
    expect(() => encodeRecords(22, 0x0303, new Uint8Array(1), 0)).toThrow(code('ENCSCAN_TLS_ENCODE'));
  });
});

describe('handshake messages', () => {
  const msgA = encodeHandshake({ type: 2, body: Uint8Array.of(1, 2, 3) });
  const msgB = encodeHandshake({ type: 14, body: new Uint8Array(0) });
  const msgC = encodeHandshake({ type: 11, body: new Uint8Array(300).fill(7) });

  it('reassembles several messages per fragment and one message over several fragments', () => {
    const stream = Buffer.concat([msgA, msgB, msgC]);
    const r = new HandshakeReassembler();
    const out = [r.push(stream.subarray(0, 9)), r.push(stream.subarray(9, 100)), r.push(stream.subarray(100))];
    expect(out.map((ms) => ms.map((m) => [m.type, m.body.length]))).toEqual([[[2, 3]], [[14, 0]], [[11, 300]]]);
    expect(r.idle).toBe(true);
    r.push(msgA.subarray(0, 2));
    expect(r.idle).toBe(false);
  });

  it('refuses a message longer than its limit as soon as the header shows it', () => {
    expect(() => new HandshakeReassembler(299).push(msgC.subarray(0, 4))).toThrow(code('ENCSCAN_TLS_HANDSHAKE_OVERFLOW'));
    expect(new HandshakeReassembler(300).push(msgC).length).toBe(1);
  });

  it('parseHandshake wants exactly one message; expectHandshake checks the type', () => {
    expect(parseHandshake(msgB)).toEqual({ type: 14, body: new Uint8Array(0) });
    expect(() => parseHandshake(Buffer.concat([msgB, msgB]))).toThrow(code('ENCSCAN_TLS_TRAILING_BYTES'));
    expect(() => parseHandshake(msgA.subarray(0, 6))).toThrow(code('ENCSCAN_TLS_TRUNCATED'));
    expect(() => expectHandshake(msgA, 14, 'ServerHelloDone')).toThrow(code('ENCSCAN_TLS_UNEXPECTED_MESSAGE'));
    expect(toHex(expectHandshake(msgA, 2, 'ServerHello'))).toBe('010203');
  });
});
