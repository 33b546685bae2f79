import { describe, expect, it } from 'vitest';
import { encodeCertificateMessage, parseCertificateMessage } from '../../src/tls/certificate-message.js';
import { encodeClientHello, parseClientHello } from '../../src/tls/client-hello.js';
import { CLIENT_HELLO_BODIES, SERVER_HELLO_BODIES } from '../../src/tls/extension-bodies.js';
import { encodeHandshake, HANDSHAKE_TYPE, HandshakeReassembler, parseHandshake } from '../../src/tls/handshake.js';
import { CONTENT_TYPE, encodeRecord, readRecords, RecordStream, type TlsRecord } from '../../src/tls/record-layer.js';
import { parseServerHelloDone } from '../../src/tls/server-hello-done.js';
import { encodeServerHello, parseServerHello } from '../../src/tls/server-hello.js';
import { encodeServerKeyExchange, parseServerKeyExchange } from '../../src/tls/server-key-exchange.js';
import { hex, illustrated, illustratedRecord, toHex, type IllustratedRecord } from './corpora.js';

const corpus = illustrated();
/** The capture files holding records as sent (the others hold decrypted contents). */
const WIRE_FILES = {
  'tls1.2': ['clienthello', 'serverhello', 'servercert', 'serverkeyexchange', 'serverhellodone', 'clientkeyexchange', 'clientccs', 'clientfinished', 'serverccs', 'serverfinished', 'clientdata', 'serverdata', 'clientalert'],
  'tls1.3': ['clienthello', 'serverhello', 'serverccs', 'serverencextensions', 'serverenccert', 'serverenccertverify', 'serverencfinished', 'clientccs', 'clientencfinished', 'clientencdata', 'serverencticket1', 'serverencticket2', 'serverencdata'],
} as const;

function oneRecord(r: IllustratedRecord): TlsRecord {
  const { records, rest } = readRecords(hex(r.concatenated_hex));
  expect([records.length, rest.length]).toEqual([1, 0]);
  return records[0]!;
}

const fieldHex = (r: IllustratedRecord, prefix: string) => r.fields.filter((f) => f.label.startsWith(prefix)).map((f) => f.hex);

describe('Illustrated TLS connections', () => {
  it.each(['tls1.2', 'tls1.3'] as const)('frames all 13 %s wire records byte for byte', (v) => {
    for (const file of WIRE_FILES[v]) {
      const wire = corpus[v].capture_files_hex[file]!;
      const { records, rest } = readRecords(hex(wire));
      expect([file, records.length, rest.length]).toEqual([file, 1, 0]);
      expect(toHex(encodeRecord(records[0]!))).toBe(wire);
    }
  });

  describe.each(['tls1.2', 'tls1.3'] as const)('%s', (v) => {
    it('ClientHello: parse → encode → same bytes, every extension as the annotated field', () => {
      const r = illustratedRecord(v, 'Client Hello');
      const msg = parseHandshake(oneRecord(r).fragment);
      const hello = parseClientHello(msg.body);
      expect(toHex(encodeHandshake({ type: msg.type, body: encodeClientHello(hello) }))).toBe(fieldHex(r, '').slice(1).join(''));
      expect(hello.extensions!.map((e) => toHex(encodeHandshakeless(e)))).toEqual(fieldHex(r, 'Extension - '));
      for (const e of hello.extensions!) expect(toHex(CLIENT_HELLO_BODIES.get(e.type)!.encode(CLIENT_HELLO_BODIES.get(e.type)!.decode(e.data)))).toBe(toHex(e.data));
      expect(toHex(Uint8Array.from(hello.cipherSuites.flatMap((s) => [s >> 8, s & 0xff])))).toBe(fieldHex(r, 'Cipher Suites')[0]!.slice(4));
    });

    it('ServerHello: parse → encode → same bytes', () => {
      const r = illustratedRecord(v, 'Server Hello');
      const msg = parseHandshake(oneRecord(r).fragment);
      const sh = parseServerHello(msg.body);
      expect(toHex(encodeHandshake({ type: msg.type, body: encodeServerHello(sh) }))).toBe(fieldHex(r, '').slice(1).join(''));
      for (const e of sh.extensions!) expect(toHex(SERVER_HELLO_BODIES.get(e.type)!.encode(SERVER_HELLO_BODIES.get(e.type)!.decode(e.data)))).toBe(toHex(e.data));
      const seen = [sh.cipherSuite, sh.selectedVersion, sh.keyShareGroup, sh.renegotiationInfo && toHex(sh.renegotiationInfo), sh.isHelloRetryRequest, sh.downgradeSentinel];
      expect(seen).toEqual(v === 'tls1.2' ? [0xc013, 0x0303, null, '', false, null] : [0x1302, 0x0304, 0x001d, null, false, null]);
    });
  });

  it('TLS 1.2 server flight: Certificate, ServerKeyExchange (ECDHE x25519, rsa_pkcs1_sha256) and ServerHelloDone', () => {
    const labels = ['Server Hello', 'Server Certificate', 'Server Key Exchange', 'Server Hello Done'];
    const wire = Buffer.concat(labels.map((l) => hex(illustratedRecord('tls1.2', l).concatenated_hex)));
    const stream = new RecordStream();
    const reassembler = new HandshakeReassembler();
    const messages = [];
    for (let i = 0; i < wire.length; i += 7) {
      for (const rec of stream.push(wire.subarray(i, i + 7))) {
        expect(rec.contentType).toBe(CONTENT_TYPE.handshake);
        messages.push(...reassembler.push(rec.fragment));
      }
    }
    expect(messages.map((m) => m.type)).toEqual([HANDSHAKE_TYPE.serverHello, HANDSHAKE_TYPE.certificate, HANDSHAKE_TYPE.serverKeyExchange, HANDSHAKE_TYPE.serverHelloDone]);
    const [, certMsg, skeMsg, doneMsg] = messages;

    const cert = parseCertificateMessage(certMsg!.body, 'tls12');
    expect(toHex(encodeCertificateMessage(cert))).toBe(toHex(certMsg!.body));
    expect([cert.context, cert.entries.length, cert.entries[0]!.der.length, cert.entries[0]!.extensions]).toEqual([null, 1, 0x325, null]);
    expect(toHex(cert.entries[0]!.der)).toBe(fieldHex(illustratedRecord('tls1.2', 'Server Certificate'), 'Certificate')[2]);

    const ske = parseServerKeyExchange(skeMsg!.body, 'ecdhe', 'tls12');
    expect(toHex(encodeServerKeyExchange(ske))).toBe(toHex(skeMsg!.body));
    expect(ske.params).toEqual({ kind: 'ecdhe', group: 0x001d, groupName: 'x25519', point: ske.params.kind === 'ecdhe' ? ske.params.point : null });
    expect(toHex((ske.params as { point: Uint8Array }).point)).toBe(fieldHex(illustratedRecord('tls1.2', 'Server Key Exchange'), 'Public Key')[0]!.slice(2));
    expect([ske.signature!.scheme, ske.signature!.schemeName, ske.signature!.bytes.length]).toEqual([0x0401, 'rsa_pkcs1_sha256', 256]);

    expect(parseServerHelloDone(doneMsg!.body)).toBeUndefined();
    expect(stream.buffered).toBe(0);
  });

  it('TLS 1.3 Certificate (decrypted) in the TLS 1.3 form', () => {
    const r = illustratedRecord('tls1.3', 'Server Certificate');
    const msg = parseHandshake(hex(r.concatenated_hex));
    const cert = parseCertificateMessage(msg.body, 'tls13');
    expect(toHex(encodeHandshake({ type: msg.type, body: encodeCertificateMessage(cert) }))).toBe(r.concatenated_hex);
    expect([toHex(cert.context!), cert.entries.length, cert.entries[0]!.der.length, cert.entries[0]!.extensions]).toEqual(['', 1, 0x325, []]);
  });
});

/** An extension as it appears in the list: type, length, body. */
function encodeHandshakeless(e: { type: number; data: Uint8Array }): Uint8Array {
  return Uint8Array.from([e.type >> 8, e.type & 0xff, e.data.length >> 8, e.data.length & 0xff, ...e.data]);
}
