// Weaknesses the scripted responder can be told to have, so that every weakness probe can be tested
// against a server that has it and one that does not. Without a flag the responder behaves as a
// fixed server would: it honours TLS_FALLBACK_SCSV, echoes renegotiation_info, never compresses,
// refuses an early ChangeCipherSpec, drops heartbeats whose lengths disagree and answers every
// ClientKeyExchange alike. After the first flight it keeps reading (tls-responder.ts) and answers the
// client's next records through `FollowUp`.
import type net from 'node:net';
import { createPrivateKey, constants, privateDecrypt, randomBytes, type KeyObject } from 'node:crypto';
import { encodeAlert } from '../tls/alert.js';
import type { ClientHello } from '../tls/client-hello.js';
import { dhGroupPrime } from '../tls/dh-groups.js';
import { EXTENSION, findExtension } from '../tls/extensions.js';
import { encodeHandshake, HANDSHAKE_TYPE, HandshakeReassembler } from '../tls/handshake.js';
import { encodeHeartbeatResponse, HEARTBEAT_MIN_PADDING, HEARTBEAT_TYPE, parseHeartbeatLengths } from '../tls/heartbeat.js';
import { VERSION, type VersionName } from '../tls/protocol-versions.js';
import { CONTENT_TYPE, RecordStream, encodeRecords, type TlsRecord } from '../tls/record-layer.js';
import { classifyPremaster } from '../tls/rsa-pkcs1.js';
import { encodeServerHello } from '../tls/server-hello.js';
import { createLabPki } from './pki.js';

export interface VulnPolicy {
  /** Answers a hello carrying TLS_FALLBACK_SCSV as if it were not there. */
  ignoresFallbackScsv?: boolean;
  /** Never echoes renegotiation_info (no RFC 5746). */
  noSecureRenegotiation?: boolean;
  /** Picks DEFLATE when offered. */
  compression?: boolean;
  /** Answers heartbeats with as many bytes as the request claims (synthetic bytes, not memory). */
  heartbleed?: boolean;
  /** Takes a ChangeCipherSpec before the key exchange. */
  earlyCcs?: boolean;
  /** Resumes any session ticket, echoing a 32-byte session id that starts with the client's. */
  ticketbleed?: boolean;
  /** Resumes any session ticket, echoing the client's session id as RFC 5077 §3.4 says. */
  resumesTickets?: boolean;
  /** Serves a real RSA certificate and decrypts ClientKeyExchange: 'oracle' refuses bad padding at once, 'uniform' never tells. */
  rsa?: 'oracle' | 'uniform';
  /** Sends this published DH group (src/tls/dh-groups.ts) in DHE key exchanges. */
  dhGroup?: string;
  /** Filled in by `prepareVulns` when `rsa` is set. */
  identity?: RsaIdentity;
}

export interface RsaIdentity {
  certificate: Uint8Array;
  privateKey: KeyObject;
}

const ALERT = { unexpectedMessage: 10, badRecordMac: 20, handshakeFailure: 40, inappropriateFallback: 86 } as const;
const FALLBACK_SCSV = 0x5600;
const DEFLATE = 1;
const ENCRYPTED_FINISHED_LENGTH = 40;
const SESSION_ID_LENGTH = 32;

let identity: Promise<RsaIdentity> | undefined;

/** The policy with what it needs at run time (an RSA certificate and key, made once per process). */
export async function prepareVulns(v: VulnPolicy | undefined): Promise<VulnPolicy | undefined> {
  if (!v?.rsa) return v;
  identity ??= (async () => {
    const now = new Date();
    const pki = await createLabPki(now);
    const leaf = await pki.issueLeaf({ names: ['rsa.example.test'], notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 86_400_000), key: { algorithm: 'RSA', modulusLength: 2048 } });
    return { certificate: leaf.der, privateKey: createPrivateKey(leaf.keyPem) };
  })();
  return { ...v, identity: await identity };
}

/** An answer that comes before suite selection: the fallback alert, or an abbreviated handshake resuming a ticket. */
export function vulnHelloAnswer(v: VulnPolicy | undefined, served: readonly VersionName[], hello: ClientHello, version: VersionName): Uint8Array | null {
  const highest = Math.max(...served.filter((s) => s !== 'SSLv2').map((s) => VERSION[s]));
  if (hello.cipherSuites.includes(FALLBACK_SCSV) && !v?.ignoresFallbackScsv && highest > hello.version) {
    return encodeRecords(CONTENT_TYPE.alert, Math.min(hello.version, VERSION['TLSv1.2']), encodeAlert({ level: 2, description: ALERT.inappropriateFallback }));
  }
  const ticket = findExtension(hello.extensions, EXTENSION.sessionTicket)?.data;
  if (!ticket || ticket.length === 0 || !(v?.ticketbleed || v?.resumesTickets) || version === 'TLSv1.3' || version === 'SSLv2') return null;
  const sessionId = v.ticketbleed ? Uint8Array.from([...hello.sessionId, ...randomBytes(SESSION_ID_LENGTH)].slice(0, SESSION_ID_LENGTH)) : hello.sessionId;
  const body = encodeServerHello({ version: VERSION[version], random: new Uint8Array(randomBytes(32)), sessionId, cipherSuite: hello.cipherSuites[0]!, compressionMethod: 0, extensions: null });
  return Buffer.concat([
    encodeRecords(CONTENT_TYPE.handshake, VERSION[version], encodeHandshake({ type: HANDSHAKE_TYPE.serverHello, body })),
    encodeRecords(CONTENT_TYPE.changeCipherSpec, VERSION[version], Uint8Array.of(1)),
    encodeRecords(CONTENT_TYPE.handshake, VERSION[version], new Uint8Array(randomBytes(ENCRYPTED_FINISHED_LENGTH))),
  ]);
}

/** Whether the ServerHello echoes renegotiation_info. */
export function echoesRenegotiationInfo(v: VulnPolicy | undefined, hello: ClientHello): boolean {
  return !v?.noSecureRenegotiation && findExtension(hello.extensions, EXTENSION.renegotiationInfo) !== undefined;
}

export function compressionFor(v: VulnPolicy | undefined, hello: ClientHello): number {
  return v?.compression && hello.compressionMethods.includes(DEFLATE) ? DEFLATE : 0;
}

/** The DH prime to send, when the policy names a published group. */
export function dhPrimeFor(v: VulnPolicy | undefined): Uint8Array | null {
  const p = v?.dhGroup ? dhGroupPrime(v.dhGroup) : null;
  return p === null ? null : Uint8Array.from(Buffer.from(p.toString(16).padStart(Math.ceil(p.toString(16).length / 2) * 2, '0'), 'hex'));
}

/** Answers what a client sends after the server's first flight; `push` returns bytes to send and whether to close. */
export class FollowUp {
  private readonly records = new RecordStream();
  private readonly messages = new HandshakeReassembler();
  private changedCipher = false;
  private keyExchanged = false;

  constructor(
    private readonly v: VulnPolicy,
    private readonly clientVersion: number,
  ) {}

  push(chunk: Uint8Array): { send: Uint8Array[]; close: boolean } {
    const send: Uint8Array[] = [];
    for (const record of this.records.push(chunk)) {
      const answer = this.onRecord(record);
      if (answer === 'close') return { send, close: true };
      if (answer) {
        send.push(answer.bytes);
        if (answer.close) return { send, close: true };
      }
    }
    return { send, close: false };
  }

  private onRecord(r: TlsRecord): { bytes: Uint8Array; close: boolean } | 'close' | null {
    const alert = (description: number) => ({ bytes: encodeRecords(CONTENT_TYPE.alert, r.version, encodeAlert({ level: 2, description })), close: true });
    if (r.contentType === CONTENT_TYPE.alert) return 'close';
    // Past a ChangeCipherSpec every record is read as ciphertext, and none of ours decrypts.
    if (this.changedCipher) return alert(ALERT.badRecordMac);
    if (r.contentType === CONTENT_TYPE.heartbeat) return this.heartbeat(r);
    if (r.contentType === CONTENT_TYPE.changeCipherSpec) {
      if (!this.keyExchanged && !this.v.earlyCcs) return alert(ALERT.unexpectedMessage);
      this.changedCipher = true;
      return null;
    }
    if (r.contentType !== CONTENT_TYPE.handshake) return alert(ALERT.unexpectedMessage);
    for (const msg of this.messages.push(r.fragment)) {
      if (msg.type !== HANDSHAKE_TYPE.clientKeyExchange || this.keyExchanged) return alert(ALERT.unexpectedMessage);
      this.keyExchanged = true;
      if (this.v.rsa === 'oracle' && this.premasterShape(msg.body) !== 'well-formed') return alert(ALERT.handshakeFailure);
    }
    return null;
  }

  private heartbeat(r: TlsRecord): { bytes: Uint8Array; close: boolean } | null {
    const { type, claimedPayload, messageLength } = parseHeartbeatLengths(r.fragment);
    if (type !== HEARTBEAT_TYPE.request) return null;
    const carried = messageLength - 3 - HEARTBEAT_MIN_PADDING;
    if (!this.v.heartbleed && claimedPayload > carried) return null;
    // The vulnerable answer: as many bytes as claimed, ours first, then filler standing for memory.
    const payload = new Uint8Array(claimedPayload);
    payload.set(r.fragment.subarray(3, 3 + Math.min(claimedPayload, Math.max(carried, 0))));
    return { bytes: encodeRecords(CONTENT_TYPE.heartbeat, r.version, encodeHeartbeatResponse(payload)), close: false };
  }

  private premasterShape(body: Uint8Array): string {
    const key = this.v.identity?.privateKey;
    if (!key) return 'no key';
    const encrypted = this.clientVersion === VERSION.SSLv3 ? body : body.subarray(2);
    try {
      return classifyPremaster(new Uint8Array(privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, encrypted)), this.clientVersion);
    } catch {
      return 'undecryptable';
    }
  }
}

/** Keeps a connection open after the first flight and answers the client's next records. */
export function followUp(socket: net.Socket, v: VulnPolicy, clientVersion: number): void {
  const f = new FollowUp(v, clientVersion);
  socket.on('data', (chunk: Buffer) => {
    try {
      const { send, close } = f.push(new Uint8Array(chunk));
      for (const bytes of send) socket.write(bytes);
      if (close) socket.end();
    } catch {
      socket.destroy();
    }
  });
}
