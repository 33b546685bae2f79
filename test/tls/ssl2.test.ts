import { describe, expect, it } from 'vitest';
import {
  buildSsl2ClientHello,
  encodeSsl2ServerMessage,
  parseSsl2ClientHello,
  parseSsl2ServerMessage,
  readSsl2Record,
  type Ssl2ServerHello,
} from '../../src/tls/ssl2.js';
import { hex, toHex } from './corpora.js';

const code = (code: string) => expect.objectContaining({ code });
const challenge = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
// SSL_CK_RC4_128_WITH_MD5, SSL_CK_DES_192_EDE3_CBC_WITH_MD5, SSL_CK_RC4_128_EXPORT40_WITH_MD5
const specs = [0x010080, 0x0700c0, 0x020080];

describe('SSLv2 CLIENT-HELLO', () => {
  it('lays out the 2-byte header, version 0x0002, lengths, cipher specs and challenge', () => {
    const wire = buildSsl2ClientHello(specs, challenge);
    expect(toHex(wire)).toBe(['8022', '01', '0002', '0009', '0000', '0010', '0100800700c0020080', toHex(challenge)].join(''));
    const { record, end } = readSsl2Record(wire)!;
    expect([end, record.padding]).toEqual([wire.length, 0]);
    expect(parseSsl2ClientHello(record.body)).toEqual({ version: 2, cipherSpecs: specs, sessionId: new Uint8Array(0), challenge });
  });

  it.each([
    ['no cipher specs', '01000200000000 0010', 'ENCSCAN_TLS_BAD_LENGTH'],
    ['a cipher spec length not a multiple of 3', '01000200040000 0010', 'ENCSCAN_TLS_BAD_LENGTH'],
    ['a 15-byte challenge', '01000200030000 000f', 'ENCSCAN_TLS_BAD_LENGTH'],
    ['an 8-byte session id', '01000200030008 0010', 'ENCSCAN_TLS_BAD_LENGTH'],
    ['a SERVER-HELLO', '04', 'ENCSCAN_TLS_UNEXPECTED_MESSAGE'],
    ['missing challenge bytes', '01000200030000 0010 010080', 'ENCSCAN_TLS_TRUNCATED'],
  ])('refuses %s', (_, h, c) => {
    expect(() => parseSsl2ClientHello(hex(h))).toThrow(code(c));
  });
});

describe('SSLv2 SERVER-HELLO and ERROR', () => {
  const hello: Ssl2ServerHello = {
    type: 'server-hello',
    sessionIdHit: 0,
    certificateType: 1,
    version: 2,
    certificate: hex('3003020101'),
    cipherSpecs: [0x010080, 0x0700c0],
    connectionId: new Uint8Array(16).fill(0x55),
  };
  const body = hex(['04', '00', '01', '0002', '0005', '0006', '0010', '3003020101', '0100800700c0', '55'.repeat(16)].join(''));

  it('parses the fields in the order of the draft and encodes them back', () => {
    expect(parseSsl2ServerMessage(body)).toEqual(hello);
    expect(toHex(encodeSsl2ServerMessage(hello))).toBe(toHex(body));
  });

  it('reads an ERROR (NO-CIPHER)', () => {
    expect(parseSsl2ServerMessage(hex('000001'))).toEqual({ type: 'error', code: 1 });
    expect(toHex(encodeSsl2ServerMessage({ type: 'error', code: 1 }))).toBe('000001');
  });

  it.each([
    ['a TLS handshake type', '02', 'ENCSCAN_TLS_UNEXPECTED_MESSAGE'],
    ['a short connection id', '04000100020000000000000f' + '00'.repeat(15), 'ENCSCAN_TLS_BAD_LENGTH'],
    ['a certificate longer than the message', '040001000201000000001000', 'ENCSCAN_TLS_TRUNCATED'],
    ['trailing bytes', toHex(body) + '00', 'ENCSCAN_TLS_TRAILING_BYTES'],
  ])('refuses %s', (_, h, c) => {
    expect(() => parseSsl2ServerMessage(hex(h))).toThrow(code(c));
  });
});

describe('SSLv2 records', () => {
  it('reads the 3-byte header with padding and waits for incomplete records', () => {
    const wire = hex('0005 02 aabbcc0000');
    expect(readSsl2Record(wire.subarray(0, 2))).toBeNull();
    expect(readSsl2Record(wire.subarray(0, 7))).toBeNull();
    const { record, end } = readSsl2Record(wire)!;
    expect([toHex(record.body), record.padding, end]).toEqual(['aabbcc', 2, 8]);
  });

  it.each([['an empty record', '8000'], ['more padding than bytes', '000203aabb']])('refuses %s', (_, h) => {
    expect(() => readSsl2Record(hex(h))).toThrow(code('ENCSCAN_TLS_BAD_LENGTH'));
  });
});
