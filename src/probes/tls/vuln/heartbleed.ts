// Heartbleed (CVE-2014-0160), safely. After the server's first flight of a TLS ≤ 1.2 handshake, a
// heartbeat request that carries 16 bytes but claims 64, then a premature Finished that any server
// answers with an alert. A fixed server drops the request (RFC 6520 §4: the lengths disagree) or
// refuses heartbeats; a vulnerable one answers first, with more bytes than were sent. Only the
// answer's lengths are read: the bytes past our own are the server's memory and are never kept.
import { randomBytes } from 'node:crypto';
import type { TlsVulnerability } from '../../../evidence/tls-vulnerabilities.js';
import { encodeHandshake, HANDSHAKE_TYPE } from '../../../tls/handshake.js';
import { encodeHeartbeatRequest, HEARTBEAT_TYPE } from '../../../tls/heartbeat.js';
import { VERSION } from '../../../tls/protocol-versions.js';
import { CONTENT_TYPE, encodeRecords } from '../../../tls/record-layer.js';
import { describeStep, helloFlight, legacyHello, legacyVersion, result, type VulnTarget } from './probe-kit.js';
import { ReplyReader } from './server-flight.js';

const SENT_PAYLOAD = 16;
const CLAIMED_PAYLOAD = 64;
/** heartbeat mode peer_allowed_to_send (RFC 6520 §2). */
const PEER_ALLOWED_TO_SEND = 1;
const FINISHED_LENGTH = 12;

export async function probeHeartbleed(t: VulnTarget): Promise<TlsVulnerability[]> {
  const legacy = legacyVersion(t);
  if (!legacy || legacy.version === 'SSLv3') return [];
  const opened = await helloFlight(t, legacyHello(t, legacy.version, legacy.suites, { heartbeat: PEER_ALLOWED_TO_SEND }));
  if (!opened.ok) return [result('heartbleed', null, `${legacy.version} hello: ${opened.why}`, 1)];
  const { conv, flight } = opened;
  const echoed = flight.hello.heartbeatMode !== null ? 'heartbeat extension echoed' : 'heartbeat extension not echoed';
  try {
    const request = encodeHeartbeatRequest(new Uint8Array(randomBytes(SENT_PAYLOAD)), CLAIMED_PAYLOAD);
    const version = VERSION[legacy.version];
    const finished = encodeHandshake({ type: HANDSHAKE_TYPE.finished, body: new Uint8Array(FINISHED_LENGTH) });
    conv.send(Buffer.concat([encodeRecords(CONTENT_TYPE.heartbeat, version, request), encodeRecords(CONTENT_TYPE.handshake, version, finished)]));
    const step = await conv.read(new ReplyReader());
    if (step.kind === 'answer' && step.value.kind === 'heartbeat') {
      const { type, messageLength } = step.value.lengths;
      if (type === HEARTBEAT_TYPE.response && messageLength > request.length) {
        return [result('heartbleed', true, `heartbeat response of ${messageLength} bytes to a ${request.length}-byte request claiming ${CLAIMED_PAYLOAD} (${echoed})`, 1)];
      }
      return [result('heartbleed', false, `heartbeat answer of ${messageLength} bytes, no more than sent (${echoed})`, 1)];
    }
    if (step.kind === 'answer' || step.kind === 'closed') {
      const what = step.kind === 'answer' && step.value.kind === 'alert' ? describeStep(step.value) : describeStep(step);
      return [result('heartbleed', false, `${what} and no heartbeat response (${echoed})`, 1)];
    }
    return [result('heartbleed', null, `${describeStep(step)} after the heartbeat request (${echoed})`, 1)];
  } finally {
    conv.close();
  }
}
