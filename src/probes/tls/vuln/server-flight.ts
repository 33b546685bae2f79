// Readers for the weakness probes. FlightReader reads a TLS ≤ 1.2 server's first flight up to the
// ServerHelloDone (keeping the Certificate and ServerKeyExchange bodies), or up to the
// ChangeCipherSpec of an abbreviated (resumed) handshake, or the alert that refused the hello.
// ReplyReader reads what comes after the client's next step: an alert, a ChangeCipherSpec or a
// heartbeat response, of which only the lengths are kept.
import { DecodeError } from '../../../engine/errors.js';
import { parseAlert, type Alert } from '../../../tls/alert.js';
import { HANDSHAKE_TYPE, HandshakeReassembler } from '../../../tls/handshake.js';
import { parseHeartbeatLengths, type HeartbeatLengths } from '../../../tls/heartbeat.js';
import { CONTENT_TYPE, RecordStream } from '../../../tls/record-layer.js';
import { parseServerHello, type ParsedServerHello } from '../../../tls/server-hello.js';
import type { AnswerReader } from '../exchange.js';

export type ServerFlight =
  | { kind: 'flight'; hello: ParsedServerHello; certificate: Uint8Array | null; serverKeyExchange: Uint8Array | null; resumed: boolean }
  | { kind: 'alert'; alert: Alert };

export class FlightReader implements AnswerReader<ServerFlight> {
  private readonly records = new RecordStream();
  private readonly messages = new HandshakeReassembler();
  private hello: ParsedServerHello | null = null;
  private certificate: Uint8Array | null = null;
  private serverKeyExchange: Uint8Array | null = null;

  push(chunk: Uint8Array): ServerFlight | null {
    for (const record of this.records.push(chunk)) {
      if (record.contentType === CONTENT_TYPE.alert) return { kind: 'alert', alert: parseAlert(record.fragment.subarray(0, 2)) };
      if (record.contentType === CONTENT_TYPE.changeCipherSpec && this.hello) return this.flight(true);
      if (record.contentType !== CONTENT_TYPE.handshake) continue;
      for (const msg of this.messages.push(record.fragment)) {
        if (!this.hello) {
          if (msg.type !== HANDSHAKE_TYPE.serverHello) throw new DecodeError(`handshake type ${msg.type} before ServerHello`, 'ENCSCAN_TLS_UNEXPECTED_MESSAGE');
          this.hello = parseServerHello(msg.body);
        } else if (msg.type === HANDSHAKE_TYPE.certificate) this.certificate = msg.body;
        else if (msg.type === HANDSHAKE_TYPE.serverKeyExchange) this.serverKeyExchange = msg.body;
        else if (msg.type === HANDSHAKE_TYPE.serverHelloDone) return this.flight(false);
      }
    }
    return null;
  }

  private flight(resumed: boolean): ServerFlight {
    return { kind: 'flight', hello: this.hello!, certificate: this.certificate, serverKeyExchange: this.serverKeyExchange, resumed };
  }
}

export type Reply = { kind: 'alert'; alert: Alert } | { kind: 'change-cipher-spec' } | { kind: 'heartbeat'; lengths: HeartbeatLengths };

/** The first alert, ChangeCipherSpec or heartbeat record; handshake records (a late flight) are skipped. */
export class ReplyReader implements AnswerReader<Reply> {
  private readonly records = new RecordStream();

  push(chunk: Uint8Array): Reply | null {
    for (const record of this.records.push(chunk)) {
      if (record.contentType === CONTENT_TYPE.alert) return { kind: 'alert', alert: parseAlert(record.fragment.subarray(0, 2)) };
      if (record.contentType === CONTENT_TYPE.changeCipherSpec) return { kind: 'change-cipher-spec' };
      if (record.contentType === CONTENT_TYPE.heartbeat) return { kind: 'heartbeat', lengths: parseHeartbeatLengths(record.fragment) };
    }
    return null;
  }
}

export function alertName(alert: Pick<Alert, 'description' | 'descriptionName'>): string {
  return alert.descriptionName ?? String(alert.description);
}
