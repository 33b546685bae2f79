import { describe, expect, it } from 'vitest';
import { buildClientHello, type ClientHelloOptions, type HelloVersion } from '../../src/tls/client-hello-builder.js';
import { parseClientHello } from '../../src/tls/client-hello.js';
import { keyShareList, u16List, versionList } from '../../src/tls/extension-bodies.js';
import { EXTENSION, findExtension } from '../../src/tls/extensions.js';
import { HandshakeReassembler, parseHandshake } from '../../src/tls/handshake.js';
import { readRecords } from '../../src/tls/record-layer.js';
import { isGrease } from '../../src/tls/registry.js';
import { toHex } from './corpora.js';

const random = Uint8Array.from({ length: 32 }, (_, i) => i);
const base = (version: HelloVersion, more: Partial<ClientHelloOptions> = {}): ClientHelloOptions => ({ version, random, cipherSuites: [0xc02f, 0x009c], ...more });
const parsed = (o: ClientHelloOptions) => parseClientHello(parseHandshake(buildClientHello(o).message).body);
const full: Partial<ClientHelloOptions> = {
  serverName: 'www.example.test',
  supportedGroups: [0x001d, 0x0017],
  ecPointFormats: [0],
  signatureAlgorithms: [0x0804, 0x0403],
  alpn: ['h2', 'http/1.1'],
  statusRequest: true,
  signedCertificateTimestamp: true,
  extendedMasterSecret: true,
  encryptThenMac: true,
  renegotiationInfo: true,
  sessionTicket: true,
  heartbeat: 1,
  pskKeyExchangeModes: [1],
};

describe('buildClientHello', () => {
  it.each([
    ['SSLv3', 0x0300, 0x0300],
    ['TLSv1.0', 0x0301, 0x0301],
    ['TLSv1.1', 0x0302, 0x0301],
    ['TLSv1.2', 0x0303, 0x0301],
    ['TLSv1.3', 0x0303, 0x0301],
  ] as const)('%s: legacy_version %i in records of version %i', (version, legacy, recordVersion) => {
    const built = buildClientHello(base(version));
    const { records, rest } = readRecords(built.records);
    expect([records.length, rest.length, records[0]!.contentType, records[0]!.version]).toEqual([1, 0, 22, recordVersion]);
    expect(toHex(records[0]!.fragment)).toBe(toHex(built.message));
    const hello = parsed(base(version));
    expect([hello.version, hello.cipherSuites, hello.compressionMethods, toHex(hello.sessionId)]).toEqual([legacy, [0xc02f, 0x009c], [0], '']);
  });

  it('sends no extension block when nothing asks for one (SSLv3 style)', () => {
    expect(parsed(base('SSLv3')).extensions).toBeNull();
    expect(parsed(base('TLSv1.2')).extensions).toBeNull();
  });

  it('TLS 1.3 always carries supported_versions and key_share (empty: ask for a HelloRetryRequest)', () => {
    const exts = parsed(base('TLSv1.3')).extensions!;
    expect(exts.map((e) => e.name)).toEqual(['key_share', 'supported_versions']);
    expect(keyShareList.decode(findExtension(exts, EXTENSION.keyShare)!.data)).toEqual([]);
    expect(versionList.decode(findExtension(exts, EXTENSION.supportedVersions)!.data)).toEqual([0x0304]);
  });

  it('writes every extension in the fixed order with the given values', () => {
    const share = { group: 0x001d, keyExchange: new Uint8Array(32).fill(7) };
    const opts = base('TLSv1.3', { ...full, cipherSuites: Array.from({ length: 40 }, (_, i) => 0xc000 + i), keyShares: [share], supportedVersions: [0x0304, 0x0303], sessionId: new Uint8Array(32).fill(9) });
    const hello = parsed(opts);
    expect(hello.extensions!.map((e) => e.name)).toEqual([
      'server_name', 'extended_master_secret', 'renegotiation_info', 'supported_groups', 'ec_point_formats', 'session_ticket',
      'application_layer_protocol_negotiation', 'status_request', 'signature_algorithms', 'signed_certificate_timestamp',
      'key_share', 'psk_key_exchange_modes', 'supported_versions', 'encrypt_then_mac', 'heartbeat', 'padding',
    ]);
    expect(buildClientHello(opts).message.length).toBe(512);
    const data = (type: number) => toHex(findExtension(hello.extensions, type)!.data);
    expect([
      data(EXTENSION.serverName), data(EXTENSION.renegotiationInfo), data(EXTENSION.alpn), data(EXTENSION.statusRequest),
      data(EXTENSION.supportedVersions), data(EXTENSION.heartbeat), data(EXTENSION.pskKeyExchangeModes),
    ]).toEqual(['00130000107777772e6578616d706c652e74657374', '00', '000c02683208687474702f312e31', '0100000000', '0403040303', '01', '0101']);
    expect(keyShareList.decode(findExtension(hello.extensions, EXTENSION.keyShare)!.data)).toEqual([share]);
    expect(toHex(hello.sessionId)).toBe('09'.repeat(32));
  });

  it('appends caller extensions before padding and presents a session ticket', () => {
    const hello = parsed(base('TLSv1.2', { sessionTicket: Uint8Array.of(1, 2, 3), extraExtensions: [{ type: 0x1234, data: Uint8Array.of(5) }] }));
    expect(hello.extensions!.map((e) => [e.type, toHex(e.data)])).toEqual([[EXTENSION.sessionTicket, '010203'], [0x1234, '05']]);
  });

  describe('RFC 7685 padding', () => {
    /** A TLS 1.2 hello whose message is exactly `length` bytes before padding, by the host name's length. */
    const helloOf = (length: number) => {
      const probe = buildClientHello(base('TLSv1.2', { serverName: 'a', extendedMasterSecret: true, padding: false })).message.length;
      const o = base('TLSv1.2', { serverName: 'a'.repeat(1 + length - probe), extendedMasterSecret: true });
      expect(buildClientHello({ ...o, padding: false }).message.length).toBe(length);
      return buildClientHello(o);
    };
    it.each([
      [255, 255, null],
      [256, 512, 252],
      [300, 512, 208],
      [507, 512, 1],
      [508, 513, 1],
      [511, 516, 1],
      [512, 512, null],
      [600, 600, null],
    ])('%i-byte hello → %i bytes, padding body %s', (before, after, padBody) => {
      const built = helloOf(before);
      expect(built.message.length).toBe(after);
      const pad = findExtension(built.hello.extensions, EXTENSION.padding);
      expect(pad ? pad.data.length : null).toBe(padBody);
      if (pad) {
        expect(built.hello.extensions!.at(-1)).toBe(pad);
        expect(pad.data.every((b) => b === 0)).toBe(true);
      }
    });
    it('can be turned off', () => {
      expect(buildClientHello(base('TLSv1.2', { serverName: 'a'.repeat(250), padding: false })).message.length).toBeLessThan(512);
    });
  });

  describe('GREASE (RFC 8701)', () => {
    const share = { group: 0x001d, keyExchange: new Uint8Array(32) };
    // Random bytes 0x00, 0x11, 0x22, … give the GREASE values 0x0A0A, 0x1A1A, 0x2A2A, 0x3A3A, 0x4A4A.
    const greaseRandom = Uint8Array.from({ length: 32 }, (_, i) => (i * 0x11) & 0xff);
    const hello = parsed({ ...base('TLSv1.3', { supportedGroups: [0x001d], keyShares: [share], grease: true }), random: greaseRandom });
    const exts = hello.extensions!;

    it('leads the cipher suites, groups, key shares and versions with GREASE values taken from the random', () => {
      expect(hello.cipherSuites).toEqual([0x0a0a, 0xc02f, 0x009c]);
      expect(u16List.decode(findExtension(exts, EXTENSION.supportedGroups)!.data)).toEqual([0x3a3a, 0x001d]);
      expect(keyShareList.decode(findExtension(exts, EXTENSION.keyShare)!.data)).toEqual([{ group: 0x3a3a, keyExchange: new Uint8Array(1) }, share]);
      expect(versionList.decode(findExtension(exts, EXTENSION.supportedVersions)!.data)).toEqual([0x4a4a, 0x0304]);
    });

    it('puts an empty GREASE extension first and a one-byte one last, with different types', () => {
      expect(exts.map((e) => [e.name, toHex(e.data)])).toEqual([
        ['GREASE', ''], ['supported_groups', '00043a3a001d'], ['key_share', toHex(findExtension(exts, EXTENSION.keyShare)!.data)],
        ['supported_versions', '044a4a0304'], ['GREASE', '00'],
      ]);
      expect([exts[0]!.type, exts.at(-1)!.type]).toEqual([0x1a1a, 0x2a2a]);
    });

    it('keeps the two GREASE extension types apart when the random would repeat one', () => {
      const same = parsed({ ...base('TLSv1.2', { grease: true }), random: new Uint8Array(32).fill(0x55) }).extensions!;
      expect([same[0]!.type, same.at(-1)!.type]).toEqual([0x5a5a, 0x4a4a]);
      expect(same.every((e) => isGrease(e.type))).toBe(true);
    });
  });

  it('spreads a hello longer than 2^14 bytes over several records that reassemble to it', () => {
    const suites = Array.from({ length: 10_000 }, (_, i) => i);
    const built = buildClientHello(base('TLSv1.2', { cipherSuites: suites }));
    const { records } = readRecords(built.records);
    expect(records.map((r) => r.fragment.length)).toEqual([16_384, built.message.length - 16_384]);
    const reassembler = new HandshakeReassembler();
    const messages = records.flatMap((r) => reassembler.push(r.fragment));
    expect(messages.length).toBe(1);
    expect(parseClientHello(messages[0]!.body).cipherSuites).toEqual(suites);
  });

  it.each([
    ['a 31-byte random', { random: new Uint8Array(31) }],
    ['a 70 000-suite list', { cipherSuites: new Array<number>(70_000).fill(1) }],
    ['a cipher suite above 0xFFFF', { cipherSuites: [0x10000] }],
  ])('refuses %s with ENCSCAN_TLS_ENCODE', (_, more) => {
    expect(() => buildClientHello(base('TLSv1.2', more))).toThrow(expect.objectContaining({ code: 'ENCSCAN_TLS_ENCODE' }));
  });
});
