import { describe, expect, it } from 'vitest';
import { encodeCertificateMessage, parseCertificateMessage } from '../../src/tls/certificate-message.js';
import { encodeClientHello, parseClientHello } from '../../src/tls/client-hello.js';
import { CLIENT_HELLO_BODIES, ENCRYPTED_EXTENSIONS_BODIES, HELLO_RETRY_REQUEST_BODIES, SERVER_HELLO_BODIES } from '../../src/tls/extension-bodies.js';
import { parseExtensionList, writeExtensions, type NamedExtension } from '../../src/tls/extensions.js';
import { write } from '../../src/tls/byte-writer.js';
import { encodeHandshake, HANDSHAKE_TYPE, HandshakeReassembler, parseHandshake } from '../../src/tls/handshake.js';
import { encodeRecord, readRecords } from '../../src/tls/record-layer.js';
import { encodeServerHello, parseServerHello } from '../../src/tls/server-hello.js';
import { hex, rfc8448, toHex, type Rfc8448Message } from './corpora.js';

const corpus = rfc8448();
const byType = (type: number) => corpus.handshake_messages.filter((m) => m.handshake_type === type && !m.message.includes('prefix'));
const clientHellos = byType(HANDSHAKE_TYPE.clientHello);
const serverHellos = byType(HANDSHAKE_TYPE.serverHello);
const certificates = byType(HANDSHAKE_TYPE.certificate);
const encryptedExtensions = byType(HANDSHAKE_TYPE.encryptedExtensions);
const plaintextRecords = corpus.records.filter((r) => !r.protected);
const protectedRecords = corpus.records.filter((r) => r.protected);
const name = (m: Rfc8448Message) => m.id;

/** Decodes and re-encodes each known extension body; returns how many were typed. */
function typedRoundTrip(exts: NamedExtension[] | null, bodies: ReadonlyMap<number, { decode(d: Uint8Array): unknown; encode(v: unknown): Uint8Array }>): number {
  let typed = 0;
  for (const e of exts ?? []) {
    const codec = bodies.get(e.type);
    if (!codec) continue;
    expect(toHex(codec.encode(codec.decode(e.data))), `extension ${e.name}`).toBe(toHex(e.data));
    typed++;
  }
  return typed;
}

describe('RFC 8448 byte-exact round trips', () => {
  it('has the messages the corpus promises', () => {
    expect([clientHellos.length, serverHellos.length, certificates.length, encryptedExtensions.length]).toEqual([5, 6, 5, 5]);
    expect([plaintextRecords.length, protectedRecords.length]).toEqual([14, 27]);
  });

  describe(`${clientHellos.length} ClientHellos: parse → encode from the parsed fields → same bytes`, () => {
    it.each(clientHellos.map((m) => [name(m), m] as const))('%s', (_, m) => {
      const msg = parseHandshake(hex(m.hex));
      const hello = parseClientHello(msg.body);
      expect(toHex(encodeHandshake({ type: msg.type, body: encodeClientHello(hello) }))).toBe(m.hex);
      expect(hello.version).toBe(0x0303);
      expect(typedRoundTrip(hello.extensions, CLIENT_HELLO_BODIES)).toBe(hello.extensions!.length);
    });
  });

  it('rejects the PSK ClientHello prefix cut before its binders as truncated', () => {
    const prefix = corpus.handshake_messages.find((m) => m.message.includes('prefix'))!;
    expect(() => parseHandshake(hex(prefix.hex))).toThrow(expect.objectContaining({ code: 'ENCSCAN_TLS_TRUNCATED' }));
  });

  describe(`${serverHellos.length} ServerHellos and HelloRetryRequests round-trip`, () => {
    it.each(serverHellos.map((m) => [name(m), m] as const))('%s', (_, m) => {
      const msg = parseHandshake(hex(m.hex));
      const sh = parseServerHello(msg.body);
      expect(toHex(encodeHandshake({ type: msg.type, body: encodeServerHello(sh) }))).toBe(m.hex);
      const bodies = sh.isHelloRetryRequest ? HELLO_RETRY_REQUEST_BODIES : SERVER_HELLO_BODIES;
      expect(typedRoundTrip(sh.extensions, bodies)).toBe(sh.extensions!.length);
    });
  });

  it('reads the values visible in the ServerHellos', () => {
    const summary = serverHellos.map((m) => {
      const sh = parseServerHello(parseHandshake(hex(m.hex)).body);
      return [m.section, sh.isHelloRetryRequest, sh.version, sh.cipherSuite, sh.selectedVersion, sh.keyShareGroup, sh.keyExchange?.length ?? null, sh.cookie !== null, sh.extensions!.map((e) => e.name)];
    });
    expect(summary).toEqual([
      ['3', false, 0x0303, 0x1301, 0x0304, 0x001d, 32, false, ['key_share', 'supported_versions']],
      ['4', false, 0x0303, 0x1301, 0x0304, 0x001d, 32, false, ['pre_shared_key', 'key_share', 'supported_versions']],
      ['5', true, 0x0303, 0x1301, 0x0304, 0x0017, null, true, ['key_share', 'cookie', 'supported_versions']],
      ['5', false, 0x0303, 0x1301, 0x0304, 0x0017, 65, false, ['key_share', 'supported_versions']],
      ['6', false, 0x0303, 0x1301, 0x0304, 0x001d, 32, false, ['key_share', 'supported_versions']],
      ['7', false, 0x0303, 0x1301, 0x0304, 0x001d, 32, false, ['key_share', 'supported_versions']],
    ]);
  });

  describe(`${certificates.length} TLS 1.3 Certificate messages round-trip`, () => {
    it.each(certificates.map((m) => [name(m), m] as const))('%s', (_, m) => {
      const msg = parseHandshake(hex(m.hex));
      const cert = parseCertificateMessage(msg.body, 'tls13');
      expect(toHex(encodeHandshake({ type: msg.type, body: encodeCertificateMessage(cert) }))).toBe(m.hex);
      expect([cert.context!.length, cert.entries.length, cert.entries[0]!.der[0], cert.entries[0]!.extensions]).toEqual([0, 1, 0x30, []]);
    });
  });

  describe(`${encryptedExtensions.length} EncryptedExtensions round-trip through the extension list codec`, () => {
    it.each(encryptedExtensions.map((m) => [name(m), m] as const))('%s', (_, m) => {
      const msg = parseHandshake(hex(m.hex));
      const exts = parseExtensionList(msg.body);
      expect(toHex(encodeHandshake({ type: msg.type, body: write((w) => writeExtensions(w, exts)) }))).toBe(m.hex);
      expect(typedRoundTrip(exts, ENCRYPTED_EXTENSIONS_BODIES)).toBe(exts.length);
    });
  });

  it(`frames all ${corpus.records.length} records (${plaintextRecords.length} plaintext, ${protectedRecords.length} protected) byte for byte`, () => {
    for (const r of corpus.records) {
      const { records, rest } = readRecords(hex(r.record_hex));
      expect([records.length, rest.length]).toEqual([1, 0]);
      expect(toHex(encodeRecord(records[0]!))).toBe(r.record_hex);
      if (!r.protected) expect(toHex(records[0]!.fragment)).toBe(r.payload_hex);
    }
  });

  it('reassembles all 40 handshake messages of the five traces from the record payloads fed one byte at a time', () => {
    const sections = [...new Set(corpus.records.map((r) => r.section))];
    let total = 0;
    for (const section of sections) {
      for (const sender of ['client', 'server']) {
        const payloads = corpus.records.filter((r) => r.section === section && r.sender === sender && r.what === 'handshake record');
        const stream = Buffer.concat(payloads.map((r) => hex(r.payload_hex)));
        const reassembler = new HandshakeReassembler();
        const got: string[] = [];
        for (const byte of stream) got.push(...reassembler.push(Uint8Array.of(byte)).map((m) => toHex(encodeHandshake(m))));
        const want = corpus.handshake_messages.filter((m) => m.section === section && m.sender === sender);
        // Section 4's ClientHello is listed only as its prefix before the PSK binders.
        expect(got.map((g, i) => (want[i]?.message.includes('prefix') ? g.slice(0, want[i]!.hex.length) : g)), `section ${section} ${sender}`).toEqual(want.map((m) => m.hex));
        expect(reassembler.idle).toBe(true);
        total += got.length;
      }
    }
    expect(total).toBe(40);
  });
});
