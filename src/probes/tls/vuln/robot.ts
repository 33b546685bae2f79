// ROBOT (CVE-2017-13099 and siblings): only where static RSA key exchange is offered. Five
// handshakes, each sending one of the test ClientKeyExchange messages (src/tls/rsa-pkcs1.ts) and
// then ChangeCipherSpec and a Finished the server cannot decrypt. A server without an oracle answers
// all five alike; when they differ, the five are asked again, and only the same difference twice
// counts as an oracle (at most ten connections, plus none for the key: each first flight carries it).
import { randomBytes, X509Certificate } from 'node:crypto';
import type { TlsVulnerability } from '../../../evidence/tls-vulnerabilities.js';
import { write } from '../../../tls/byte-writer.js';
import { parseCertificateMessage } from '../../../tls/certificate-message.js';
import { encodeHandshake, HANDSHAKE_TYPE } from '../../../tls/handshake.js';
import { VERSION } from '../../../tls/protocol-versions.js';
import { CONTENT_TYPE, encodeRecords } from '../../../tls/record-layer.js';
import { ROBOT_VECTORS, robotPlaintext, rsaEncryptRaw, type RobotVector } from '../../../tls/rsa-pkcs1.js';
import type { HelloVersion } from '../../../tls/client-hello-builder.js';
import { suiteProperties } from '../../../tls/suite-properties.js';
import { describeStep, helloFlight, legacyHello, legacyVersion, result, type VulnTarget } from './probe-kit.js';
import { ReplyReader } from './server-flight.js';

const ENCRYPTED_FINISHED_LENGTH = 48;
/** How long to wait for the answer to each test message: an oracle that answers by silence shows as "no answer". */
const REPLY_WAIT_MS = 3000;

interface RsaKey {
  modulus: Uint8Array;
  exponent: Uint8Array;
}

export async function probeRobot(t: VulnTarget): Promise<TlsVulnerability[]> {
  const legacy = legacyVersion(t, (name) => suiteProperties(name).kx === 'RSA');
  if (!legacy) return [];
  const round = () => askAll(t, legacy.version, legacy.suites);
  const first = await round();
  if ('error' in first) return [result('robot', null, first.error, first.connections)];
  const answers = first.answers;
  if (new Set(answers).size === 1) return [result('robot', false, `all ${ROBOT_VECTORS.length} test messages answered alike (${answers[0]})`, first.connections)];
  const second = await round();
  const connections = first.connections + second.connections;
  if ('error' in second) return [result('robot', null, second.error, connections)];
  const detail = ROBOT_VECTORS.map((v, i) => `${v}: ${answers[i]}`).join('; ');
  const same = second.answers.every((a, i) => a === answers[i]);
  return [result('robot', same ? true : null, same ? `answers differ by padding, twice alike: ${detail}` : `answers differ but not consistently: ${detail}`, connections)];
}

async function askAll(t: VulnTarget, version: HelloVersion, suites: number[]): Promise<{ answers: string[]; connections: number } | { error: string; connections: number }> {
  const answers: string[] = [];
  for (const vector of ROBOT_VECTORS) {
    const answer = await ask(t, version, suites, vector);
    if ('error' in answer) return { error: answer.error, connections: answers.length + 1 };
    answers.push(answer.reply);
  }
  return { answers, connections: answers.length };
}

async function ask(t: VulnTarget, version: HelloVersion, suites: number[], vector: RobotVector): Promise<{ reply: string } | { error: string }> {
  const opened = await helloFlight(t, legacyHello(t, version, suites));
  if (!opened.ok) return { error: `${version} hello with RSA suites: ${opened.why}` };
  const { conv, flight } = opened;
  try {
    const key = flight.certificate ? rsaKeyOf(flight.certificate) : null;
    if (!key) return { error: 'no RSA key in the Certificate message' };
    const k = key.modulus.length - (key.modulus[0] === 0 ? 1 : 0);
    const random = (n: number) => new Uint8Array(randomBytes(n));
    const encrypted = rsaEncryptRaw(robotPlaintext(vector, k, VERSION[version], random), key.modulus, key.exponent);
    // SSLv3 sends the encrypted premaster secret bare; TLS puts a 2-byte length before it (RFC 5246 §7.4.7.1).
    const body = version === 'SSLv3' ? encrypted : write((w) => w.vector(2, encrypted));
    const recordVersion = VERSION[version];
    conv.send(
      Buffer.concat([
        encodeRecords(CONTENT_TYPE.handshake, recordVersion, encodeHandshake({ type: HANDSHAKE_TYPE.clientKeyExchange, body })),
        encodeRecords(CONTENT_TYPE.changeCipherSpec, recordVersion, Uint8Array.of(1)),
        encodeRecords(CONTENT_TYPE.handshake, recordVersion, random(ENCRYPTED_FINISHED_LENGTH)),
      ]),
    );
    const step = await conv.read(new ReplyReader(), REPLY_WAIT_MS);
    if (step.kind === 'failed') return { error: `answer to the ${vector} message: ${step.code}` };
    return { reply: step.kind === 'answer' ? (step.value.kind === 'alert' ? describeStep(step.value) : step.value.kind) : describeStep(step) };
  } finally {
    conv.close();
  }
}

/** The RSA public key of the first certificate, or null when it is not an RSA certificate node can read. */
function rsaKeyOf(certificateBody: Uint8Array): RsaKey | null {
  try {
    const leaf = parseCertificateMessage(certificateBody, 'tls12').entries[0];
    if (!leaf) return null;
    const jwk = new X509Certificate(leaf.der).publicKey.export({ format: 'jwk' });
    if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) return null;
    return { modulus: new Uint8Array(Buffer.from(jwk.n, 'base64url')), exponent: new Uint8Array(Buffer.from(jwk.e, 'base64url')) };
  } catch {
    return null;
  }
}
