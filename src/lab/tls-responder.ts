// A scripted raw TLS responder on loopback: reads each connection's first flight (an SSLv2
// CLIENT-HELLO or a TLS ClientHello), answers it from a policy (tls-responder-answer.ts) and closes;
// a policy with `vulns` keeps the connection and answers the client's next records (tls-responder-vulns.ts).
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { parseClientHello } from '../tls/client-hello.js';
import { HANDSHAKE_TYPE, HandshakeReassembler } from '../tls/handshake.js';
import { CONTENT_TYPE, RecordStream, encodeRecords } from '../tls/record-layer.js';
import { parseSsl2ClientHello, readSsl2Record } from '../tls/ssl2.js';
import { encodeAlert } from '../tls/alert.js';
import { answerSsl2, answerTls, type TlsPolicy } from './tls-responder-answer.js';
import { followUp, prepareVulns } from './tls-responder-vulns.js';

export interface RunningResponder {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

const MAX_FIRST_FLIGHT = 64 * 1024;
const DECODE_ERROR = 50;

/** Answers the first flight, or null while it is incomplete. Throws DecodeError on garbage. */
function firstFlight(policy: TlsPolicy, buf: Uint8Array): { answer: Uint8Array | null; clientVersion?: number } | null {
  if (buf.length > 0 && (buf[0]! & 0x80) !== 0) {
    const r = readSsl2Record(buf);
    return r ? { answer: answerSsl2(policy, parseSsl2ClientHello(r.record.body)) } : null;
  }
  const messages = new HandshakeReassembler();
  for (const record of new RecordStream().push(buf)) {
    if (record.contentType !== CONTENT_TYPE.handshake) continue;
    const msg = messages.push(record.fragment)[0];
    if (msg && msg.type === HANDSHAKE_TYPE.clientHello) {
      const hello = parseClientHello(msg.body);
      return { answer: answerTls(policy, hello), clientVersion: hello.version };
    }
  }
  return null;
}

export async function startTlsResponder(configured: TlsPolicy): Promise<RunningResponder> {
  const policy: TlsPolicy = { ...configured, vulns: await prepareVulns(configured.vulns) };
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
        const vulns = policy.vulns;
        // A policy with weaknesses keeps the connection after a handshake flight, for the probes' next step.
        if (done.answer && vulns && done.clientVersion !== undefined && done.answer[0] === CONTENT_TYPE.handshake) {
          socket.write(done.answer);
          followUp(socket, vulns, done.clientVersion);
        } else if (done.answer) socket.end(done.answer);
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
