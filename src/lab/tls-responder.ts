// A scripted raw TLS responder on loopback: reads each connection's first flight (an SSLv2
// CLIENT-HELLO or a TLS ClientHello), answers it from a policy (tls-responder-answer.ts) and closes.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { parseClientHello } from '../tls/client-hello.js';
import { HANDSHAKE_TYPE, HandshakeReassembler } from '../tls/handshake.js';
import { CONTENT_TYPE, RecordStream, encodeRecords } from '../tls/record-layer.js';
import { parseSsl2ClientHello, readSsl2Record } from '../tls/ssl2.js';
import { encodeAlert } from '../tls/alert.js';
import { answerSsl2, answerTls, type TlsPolicy } from './tls-responder-answer.js';

export interface RunningResponder {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

const MAX_FIRST_FLIGHT = 64 * 1024;
const DECODE_ERROR = 50;

/** Answers the first flight, or null while it is incomplete. Throws DecodeError on garbage. */
function firstFlight(policy: TlsPolicy, buf: Uint8Array): { answer: Uint8Array | null } | null {
  if (buf.length > 0 && (buf[0]! & 0x80) !== 0) {
    const r = readSsl2Record(buf);
    return r ? { answer: answerSsl2(policy, parseSsl2ClientHello(r.record.body)) } : null;
  }
  const messages = new HandshakeReassembler();
  for (const record of new RecordStream().push(buf)) {
    if (record.contentType !== CONTENT_TYPE.handshake) continue;
    const msg = messages.push(record.fragment)[0];
    if (msg && msg.type === HANDSHAKE_TYPE.clientHello) return { answer: answerTls(policy, parseClientHello(msg.body)) };
  }
  return null;
}

export async function startTlsResponder(policy: TlsPolicy): Promise<RunningResponder> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length > MAX_FIRST_FLIGHT) return void socket.destroy();
      try {
        const done = firstFlight(policy, new Uint8Array(buf));
        if (!done) return;
        socket.removeAllListeners('data');
        if (done.answer) socket.end(done.answer);
        else socket.destroy();
      } catch {
        socket.removeAllListeners('data');
        socket.end(encodeRecords(CONTENT_TYPE.alert, 0x0301, encodeAlert({ level: 2, description: DECODE_ERROR })));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
