// Reads a server's answer to a crafted ClientHello: records, then handshake messages, until the
// ServerHello (or HelloRetryRequest) — or, when asked, on to the ServerKeyExchange / ServerHelloDone
// of TLS ≤ 1.2 — or an alert. Every length comes from the codec, which bounds it.
import { DecodeError } from '../../engine/errors.js';
import { parseAlert, type Alert } from '../../tls/alert.js';
import { suiteRef } from '../../tls/cipher-suites.js';
import { HANDSHAKE_TYPE, HandshakeReassembler } from '../../tls/handshake.js';
import { VERSION } from '../../tls/protocol-versions.js';
import { CONTENT_TYPE, RecordStream } from '../../tls/record-layer.js';
import { parseServerHello, type ParsedServerHello } from '../../tls/server-hello.js';
import { parseServerKeyExchange, type KeyExchangeParams } from '../../tls/server-key-exchange.js';
import { suiteProperties } from '../../tls/suite-properties.js';
import type { AnswerReader } from './exchange.js';

export type HelloAnswer =
  | { kind: 'server-hello'; hello: ParsedServerHello; keyExchange: KeyExchangeParams | null; signatureScheme?: number | null }
  | { kind: 'alert'; alert: Alert };

/** 'server-hello' stops at the ServerHello; 'key-exchange' reads on to the ServerKeyExchange or ServerHelloDone (TLS ≤ 1.2). */
export type ReadUntil = 'server-hello' | 'key-exchange';

export class HelloAnswerReader implements AnswerReader<HelloAnswer> {
  private readonly records = new RecordStream();
  private readonly messages = new HandshakeReassembler();
  private hello: ParsedServerHello | null = null;

  constructor(private readonly until: ReadUntil) {}

  push(chunk: Uint8Array): HelloAnswer | null {
    for (const record of this.records.push(chunk)) {
      if (record.contentType === CONTENT_TYPE.alert) return { kind: 'alert', alert: parseAlert(record.fragment.subarray(0, 2)) };
      if (record.contentType !== CONTENT_TYPE.handshake) continue;
      for (const msg of this.messages.push(record.fragment)) {
        const answer = this.onMessage(msg.type, msg.body);
        if (answer) return answer;
      }
    }
    return null;
  }

  private onMessage(type: number, body: Uint8Array): HelloAnswer | null {
    if (!this.hello) {
      if (type !== HANDSHAKE_TYPE.serverHello) {
        throw new DecodeError(`handshake type ${type} before ServerHello`, 'ENCSCAN_TLS_UNEXPECTED_MESSAGE');
      }
      this.hello = parseServerHello(body);
      const done = this.until === 'server-hello' || this.hello.isHelloRetryRequest || this.hello.selectedVersion >= VERSION['TLSv1.3'];
      return done ? { kind: 'server-hello', hello: this.hello, keyExchange: null } : null;
    }
    if (type === HANDSHAKE_TYPE.serverHelloDone) return { kind: 'server-hello', hello: this.hello, keyExchange: null };
    if (type !== HANDSHAKE_TYPE.serverKeyExchange) return null;
    const kind = keyExchangeKind(suiteProperties(suiteRef(this.hello.cipherSuite).name).kx);
    if (!kind) return { kind: 'server-hello', hello: this.hello, keyExchange: null };
    const form = kind.anonymous ? 'anonymous' : this.hello.selectedVersion === VERSION['TLSv1.2'] ? 'tls12' : 'legacy';
    const ske = parseServerKeyExchange(body, kind.kind, form);
    return { kind: 'server-hello', hello: this.hello, keyExchange: ske.params, signatureScheme: ske.signature?.scheme ?? null };
  }
}

/** How to read the ServerKeyExchange of a suite's key exchange; null for layouts not parsed (PSK, SRP, …). */
function keyExchangeKind(kx: string): { kind: 'ecdhe' | 'dhe' | 'rsa'; anonymous: boolean } | null {
  const anonymous = kx.endsWith('_anon') || kx.endsWith('_anon_EXPORT');
  if (/^ECDH(E_(RSA|ECDSA)|_anon)$/.test(kx)) return { kind: 'ecdhe', anonymous };
  if (/^DH(E_(RSA|DSS)(_EXPORT)?|_anon(_EXPORT)?)$/.test(kx)) return { kind: 'dhe', anonymous };
  if (kx === 'RSA_EXPORT') return { kind: 'rsa', anonymous: false };
  return null;
}
