// The scripted TLS responder's decisions, as a pure function of a policy and a client's first
// flight. It answers the way a server with that configuration would — version, suite and group by
// server or client preference, a HelloRetryRequest when no key share fits, a handshake_failure
// alert when nothing matches — but never completes a handshake: the Certificate is a placeholder
// and the key exchange values are random bytes. Enough for enumeration to see every choice,
// including suites no local TLS library will serve (SSLv2, export, RC4, 3DES, NULL).
import { randomBytes } from 'node:crypto';
import { encodeAlert } from '../tls/alert.js';
import { encodeCertificateMessage } from '../tls/certificate-message.js';
import type { ClientHello } from '../tls/client-hello.js';
import type { HelloVersion } from '../tls/client-hello-builder.js';
import { suiteRef } from '../tls/cipher-suites.js';
import { keyShareEntry, keyShareList, opaque8, u16List, u16Value, u8List, versionList } from '../tls/extension-bodies.js';
import { EXTENSION, findExtension, type Extension } from '../tls/extensions.js';
import { encodeHandshake, HANDSHAKE_TYPE } from '../tls/handshake.js';
import { VERSION, type VersionName } from '../tls/protocol-versions.js';
import { CONTENT_TYPE, encodeRecords } from '../tls/record-layer.js';
import { encodeServerHello, HELLO_RETRY_REQUEST_RANDOM } from '../tls/server-hello.js';
import { encodeServerKeyExchange, type KeyExchangeParams } from '../tls/server-key-exchange.js';
import { encodeSsl2Record, encodeSsl2ServerMessage, type Ssl2ClientHello } from '../tls/ssl2.js';
import { suiteProperties } from '../tls/suite-properties.js';
import { pqServerShareLength, pqShareProblem } from './tls-responder-pq.js';
import { chooseScheme, featureExtensions, type ResponderFeatures } from './tls-responder-features.js';
import { compressionFor, dhPrimeFor, echoesRenegotiationInfo, vulnHelloAnswer, type VulnPolicy } from './tls-responder-vulns.js';

export interface TlsPolicy {
  versions: readonly VersionName[];
  /** Per TLS version, the suites served, most preferred first. */
  suites: Partial<Record<HelloVersion, readonly number[]>>;
  /** SSLv2 cipher kinds served, most preferred first. */
  ssl2Kinds?: readonly number[];
  /** true: pick by the lists above; false: take the client's first acceptable offer. */
  serverOrder: boolean;
  /** Groups for ECDHE (TLS ≤ 1.2) and TLS 1.3, most preferred first; chosen by server preference. */
  groups: readonly number[];
  /** Drop the connection without answering hellos that offer more suites (long-hello intolerance). */
  maxHelloSuites?: number;
  /** ALPN, echoed extensions, SCTs and signature schemes (tls-responder-features.ts). */
  features?: ResponderFeatures;
  /** Weaknesses to have, and the follow-up after the first flight (tls-responder-vulns.ts). */
  vulns?: VulnPolicy;
}

const ALERT = { handshakeFailure: 40, illegalParameter: 47, protocolVersion: 70 } as const;
const SSL2_NO_CIPHER = 1;
/** Stands where a certificate would be: enumeration reads only the server's choices. */
const PLACEHOLDER_CERT = Uint8Array.from([0x30, 0x00]);
const SIGNATURE_SCHEME = 0x0401;

/** First entry of `mine` the client offered (server order) or first of `theirs` that is in `mine`. */
function choose(mine: readonly number[], theirs: readonly number[], serverOrder: boolean): number | undefined {
  return serverOrder ? mine.find((c) => theirs.includes(c)) : theirs.find((c) => mine.includes(c));
}

export function answerSsl2(policy: TlsPolicy, hello: Ssl2ClientHello): Uint8Array {
  if (!policy.versions.includes('SSLv2')) return alert(VERSION['TLSv1.0'], ALERT.protocolVersion);
  const mine = policy.ssl2Kinds ?? [];
  const specs = policy.serverOrder ? mine.filter((k) => hello.cipherSpecs.includes(k)) : hello.cipherSpecs.filter((k) => mine.includes(k));
  if (specs.length === 0) return encodeSsl2Record(encodeSsl2ServerMessage({ type: 'error', code: SSL2_NO_CIPHER }));
  return encodeSsl2Record(
    encodeSsl2ServerMessage({
      type: 'server-hello',
      sessionIdHit: 0,
      certificateType: 1,
      version: VERSION.SSLv2,
      certificate: PLACEHOLDER_CERT,
      cipherSpecs: specs,
      connectionId: new Uint8Array(randomBytes(16)),
    }),
  );
}

/** The answer to a ClientHello, or null to drop the connection. */
export function answerTls(policy: TlsPolicy, hello: ClientHello): Uint8Array | null {
  if (policy.maxHelloSuites !== undefined && hello.cipherSuites.length > policy.maxHelloSuites) return null;
  const ext = (type: number) => findExtension(hello.extensions, type)?.data;
  const offeredVersions = ext(EXTENSION.supportedVersions);
  const version = pickVersion(policy, hello.version, offeredVersions ? versionList.decode(offeredVersions) : null);
  const recordVersion = Math.min(hello.version, VERSION['TLSv1.2']);
  if (!version) return alert(recordVersion, ALERT.protocolVersion);
  const groupsData = ext(EXTENSION.supportedGroups);
  const clientGroups = groupsData ? u16List.decode(groupsData) : null;
  const group = clientGroups ? policy.groups.find((g) => clientGroups.includes(g)) : policy.groups[0];
  if (version === 'TLSv1.3') {
    const suite = choose(policy.suites['TLSv1.3'] ?? [], hello.cipherSuites, policy.serverOrder);
    if (suite === undefined || group === undefined || !clientGroups) return alert(recordVersion, ALERT.handshakeFailure);
    if (chooseScheme(policy.features, hello, SIGNATURE_SCHEME) === null) return alert(recordVersion, ALERT.handshakeFailure);
    const sharesData = ext(EXTENSION.keyShare);
    const share = (sharesData ? keyShareList.decode(sharesData) : []).find((s) => s.group === group);
    const retry = !share;
    if (share && pqShareProblem(group, share.keyExchange)) return alert(recordVersion, ALERT.illegalParameter);
    const serverShare = () => new Uint8Array(randomBytes(pqServerShareLength(group) ?? share!.keyExchange.length));
    const extensions: Extension[] = [
      { type: EXTENSION.supportedVersions, data: u16Value.encode(VERSION['TLSv1.3']) },
      {
        type: EXTENSION.keyShare,
        data: share ? keyShareEntry.encode({ group, keyExchange: serverShare() }) : u16Value.encode(group),
      },
    ];
    const sh = serverHello(VERSION['TLSv1.2'], hello.sessionId, suite, extensions, retry);
    return encodeRecords(CONTENT_TYPE.handshake, VERSION['TLSv1.2'], sh);
  }
  const special = vulnHelloAnswer(policy.vulns, policy.versions, hello, version);
  if (special) return special;
  const eligible = (policy.suites[version] ?? []).filter((s) => !isEcdhe(s) || group !== undefined);
  const suite = choose(eligible, hello.cipherSuites, policy.serverOrder);
  if (suite === undefined) return alert(recordVersion, ALERT.handshakeFailure);
  const scheme = chooseScheme(policy.features, hello, SIGNATURE_SCHEME);
  if (scheme === null && version === 'TLSv1.2' && /^(EC)?DHE_/.test(suiteProperties(suiteRef(suite).name).kx)) return alert(recordVersion, ALERT.handshakeFailure);
  const extras = featureExtensions(policy.features, hello);
  return encodeRecords(CONTENT_TYPE.handshake, VERSION[version], legacyFlight(version, hello, suite, group, { scheme: scheme ?? SIGNATURE_SCHEME, extras, vulns: policy.vulns }));
}

function pickVersion(policy: TlsPolicy, legacy: number, offered: number[] | null): HelloVersion | null {
  const served = policy.versions.filter((v): v is HelloVersion => v !== 'SSLv2');
  const ok = (v: HelloVersion) => (offered ? offered.includes(VERSION[v]) : VERSION[v] <= legacy && v !== 'TLSv1.3');
  return served.filter(ok).sort((a, b) => VERSION[b] - VERSION[a])[0] ?? null;
}

function legacyFlight(
  version: HelloVersion,
  hello: ClientHello,
  suite: number,
  group: number | undefined,
  signing: { scheme: number; extras: Extension[]; vulns?: VulnPolicy | undefined },
): Uint8Array {
  const p = suiteProperties(suiteRef(suite).name);
  const extensions: Extension[] = [...signing.extras];
  if (echoesRenegotiationInfo(signing.vulns, hello)) extensions.push({ type: EXTENSION.renegotiationInfo, data: opaque8.encode(new Uint8Array(0)) });
  if (isEcdhe(suite)) extensions.push({ type: EXTENSION.ecPointFormats, data: u8List.encode([0]) });
  const parts = [serverHello(VERSION[version], new Uint8Array(0), suite, extensions, false, compressionFor(signing.vulns, hello))];
  const anonymous = p.anonymous || p.kx === 'NULL';
  if (!anonymous) parts.push(encodeHandshake({ type: HANDSHAKE_TYPE.certificate, body: encodeCertificateMessage({ context: null, entries: [{ der: signing.vulns?.identity?.certificate ?? PLACEHOLDER_CERT, extensions: null }] }) }));
  const params = keyExchangeParams(p.kx, p.export, group, dhPrimeFor(signing.vulns));
  if (params) {
    const signature = anonymous ? null : { scheme: version === 'TLSv1.2' ? signing.scheme : null, schemeName: null, bytes: new Uint8Array(randomBytes(64)) };
    parts.push(encodeHandshake({ type: HANDSHAKE_TYPE.serverKeyExchange, body: encodeServerKeyExchange({ params, signature }) }));
  }
  parts.push(encodeHandshake({ type: HANDSHAKE_TYPE.serverHelloDone, body: new Uint8Array(0) }));
  return Buffer.concat(parts);
}

function keyExchangeParams(kx: string, exportGrade: boolean, group: number | undefined, dhPrime: Uint8Array | null): KeyExchangeParams | null {
  const bytes = (n: number) => Uint8Array.from([0xff, ...randomBytes(n - 1)]);
  if (/^ECDH(E_|_anon)/.test(kx) && group !== undefined) return { kind: 'ecdhe', group, groupName: null, point: Uint8Array.from([4, ...randomBytes(64)]) };
  const dhBytes = exportGrade ? 64 : 256;
  if (/^DH(E_|_anon)/.test(kx) && dhPrime && !exportGrade) return { kind: 'dhe', p: dhPrime, g: Uint8Array.of(2), ys: bytes(dhPrime.length), groupBits: dhPrime.length * 8 };
  if (/^DH(E_|_anon)/.test(kx)) return { kind: 'dhe', p: bytes(dhBytes), g: Uint8Array.of(2), ys: bytes(dhBytes), groupBits: dhBytes * 8 };
  if (kx === 'RSA_EXPORT') return { kind: 'rsa', modulus: bytes(64), exponent: Uint8Array.of(1, 0, 1), modulusBits: 512 };
  return null;
}

function serverHello(version: number, sessionId: Uint8Array, suite: number, extensions: Extension[], retry: boolean, compressionMethod = 0): Uint8Array {
  const body = encodeServerHello({
    version,
    random: retry ? HELLO_RETRY_REQUEST_RANDOM : new Uint8Array(randomBytes(32)),
    sessionId,
    cipherSuite: suite,
    compressionMethod,
    extensions: extensions.length > 0 ? extensions : null,
  });
  return encodeHandshake({ type: HANDSHAKE_TYPE.serverHello, body });
}

function alert(recordVersion: number, description: number): Uint8Array {
  return encodeRecords(CONTENT_TYPE.alert, recordVersion, encodeAlert({ level: 2, description }));
}

function isEcdhe(suite: number): boolean {
  return /^ECDH(E_|_anon)/.test(suiteProperties(suiteRef(suite).name).kx);
}
