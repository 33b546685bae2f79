// Enumerates an endpoint with crafted hellos: for each version from SSLv2 to TLS 1.3 the accepted
// cipher suites and the server's order, then the groups (TLS 1.3 through HelloRetryRequest with an
// empty key_share, TLS ≤ 1.2 through the ServerKeyExchange of an ECDHE suite). One connection per hello.
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import net from 'node:net';
import type { GroupRef, ProtocolSupport } from '../../evidence/tls.js';
import { buildClientHello, type ClientHelloOptions, type HelloVersion } from '../../tls/client-hello-builder.js';
import { ssl2KindRef, ssl2Kinds, suiteRef } from '../../tls/cipher-suites.js';
import { VERSION, versionName } from '../../tls/protocol-versions.js';
import { groupName } from '../../tls/registry.js';
import type { ParsedServerHello } from '../../tls/server-hello.js';
import type { KeyExchangeParams } from '../../tls/server-key-exchange.js';
import { buildSsl2ClientHello } from '../../tls/ssl2.js';
import { suiteProperties } from '../../tls/suite-properties.js';
import { exchange, type Endpoint } from './exchange.js';
import { HelloAnswerReader, type ReadUntil } from './hello-answer.js';
import { keyShare } from './key-shares.js';
import { ecGroups, signatureSchemes, suitesFor, tls13Groups } from './offers.js';
import { removeChosen, type Choice, type RankOptions, type Ranking } from './remove-chosen.js';
import { Ssl2AnswerReader } from './ssl2-answer.js';

export interface EnumerationTarget extends Endpoint {
  /** The SNI name; null (or an IP literal) sends none. */
  sni: string | null;
}

export interface TlsEnumeration {
  protocols: ProtocolSupport[];
  groups: GroupRef[];
  connections: number;
}

/** At most this many suites in one hello: some servers fail on longer lists. */
const MAX_SUITES_PER_HELLO = 128;
/** The list for servers that drop long hellos. */
const SHORT_HELLO_SUITES = 24;
const TLS13_SHARES = [29, 23];
const LEGACY_VERSIONS = ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2'] as const;

const versionRefused = (reason: string) => reason.startsWith('version:') || reason === 'alert:protocol_version' || reason === 'closed';

/** Hellos in flight on one endpoint at most: six versions, each waiting for a slot, a deadline and a socket. */
const SIGNAL_LISTENERS = 64;

export async function enumerateTls(target: EnumerationTarget): Promise<TlsEnumeration> {
  // One signal of our own for the fan-out, so that the caller's signal carries a single listener.
  const ctl = new AbortController();
  setMaxListeners(SIGNAL_LISTENERS, ctl.signal);
  const onAbort = (): void => ctl.abort(target.signal?.reason);
  if (target.signal?.aborted) onAbort();
  else target.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await enumerateAll({ ...target, signal: ctl.signal });
  } finally {
    target.signal?.removeEventListener('abort', onAbort);
  }
}

async function enumerateAll(t: EnumerationTarget): Promise<TlsEnumeration> {
  const [ssl2, ...tls] = await Promise.all([enumerateSsl2(t), ...LEGACY_VERSIONS.map((v) => enumerateSuites(t, v)), enumerateSuites(t, 'TLSv1.3')]);
  const protocols = [ssl2!, ...tls];
  const tls13 = protocols.find((p) => p.version === 'TLSv1.3')!;
  const ecdhe = [...protocols].reverse().find((p) => p.version !== 'TLSv1.3' && p.cipherSuites.some((s) => isEcdhe(s.name)));
  await Promise.all([
    tls13.supported ? enumerateGroups(t, tls13, 'TLSv1.3') : null,
    ecdhe ? enumerateGroups(t, ecdhe, ecdhe.version as HelloVersion) : null,
  ]);
  const groups = [...tls13.groups, ...(ecdhe?.groups ?? []).filter((g) => !tls13.groups.some((h) => h.code === g.code))];
  return { protocols, groups, connections: protocols.reduce((n, p) => n + p.handshakes, 0) };
}

async function enumerateSuites(t: EnumerationTarget, version: HelloVersion): Promise<ProtocolSupport> {
  const ask = (offer: number[]) => askHello(t, version, helloFor(t, version, { cipherSuites: offer }), 'server-hello', (h) => h.cipherSuite);
  const r = await removeChosen(suitesFor(version), ask, rankOptions(true));
  return {
    version,
    supported: r.accepted.length > 0,
    cipherSuites: r.accepted.map(suiteRef),
    serverOrder: r.serverOrder,
    groups: [],
    refusal: r.refusal,
    error: r.error,
    longHelloIntolerant: r.longHelloIntolerant,
    handshakes: r.asked,
  };
}

/** Adds the groups accepted with `p`'s suites to `p` (and its handshakes). */
async function enumerateGroups(t: EnumerationTarget, p: ProtocolSupport, version: HelloVersion): Promise<void> {
  const tls13 = version === 'TLSv1.3';
  const suites = p.cipherSuites.map((s) => Number(s.code)).filter((_c, i) => tls13 || isEcdhe(p.cipherSuites[i]!.name));
  const ask = (offer: number[]) =>
    tls13
      ? askHello(t, version, helloFor(t, version, { cipherSuites: suites, supportedGroups: offer, keyShares: [] }), 'server-hello', (h) => h.keyShareGroup)
      : askHello(t, version, helloFor(t, version, { cipherSuites: suites, supportedGroups: offer }), 'key-exchange', (_h, kx) =>
          kx?.kind === 'ecdhe' ? kx.group : null,
        );
  const r: Ranking = await removeChosen(tls13 ? tls13Groups() : ecGroups(), ask, rankOptions(false));
  p.groups = r.accepted.map((code) => ({ code, name: groupName(code) }));
  p.handshakes += r.asked;
  p.error ??= r.error;
}

async function enumerateSsl2(t: EnumerationTarget): Promise<ProtocolSupport> {
  const result: ProtocolSupport = {
    version: 'SSLv2',
    supported: false,
    cipherSuites: [],
    serverOrder: null,
    groups: [],
    refusal: null,
    error: null,
    longHelloIntolerant: false,
    handshakes: 1,
  };
  const r = await exchange(t, buildSsl2ClientHello(ssl2Kinds(), new Uint8Array(randomBytes(16))), new Ssl2AnswerReader());
  if (r.kind === 'failed') return { ...result, error: r.code };
  if (r.kind === 'closed') return { ...result, refusal: 'closed' };
  const a = r.value;
  if (a.type === 'error') return { ...result, refusal: `ssl2-error:${a.code}` };
  if (a.type === 'tls') return { ...result, refusal: a.answer.kind === 'alert' ? alertReason(a.answer.alert) : 'version:TLS' };
  return { ...result, supported: a.cipherSpecs.length > 0, cipherSuites: a.cipherSpecs.map(ssl2KindRef), refusal: a.cipherSpecs.length > 0 ? null : 'ssl2-no-cipher' };
}

function rankOptions(checkOrder: boolean): RankOptions {
  return { maxPerHello: MAX_SUITES_PER_HELLO, shortHello: SHORT_HELLO_SUITES, final: versionRefused, checkOrder };
}

function helloFor(t: EnumerationTarget, version: HelloVersion, o: Pick<ClientHelloOptions, 'cipherSuites' | 'supportedGroups' | 'keyShares'>): Uint8Array {
  const tls13 = version === 'TLSv1.3';
  const legacyExtensions = version !== 'SSLv3';
  const opts: ClientHelloOptions = {
    version,
    random: new Uint8Array(randomBytes(32)),
    cipherSuites: o.cipherSuites,
    ...(t.sni !== null && net.isIP(t.sni) === 0 && legacyExtensions ? { serverName: t.sni } : {}),
  };
  if (legacyExtensions) {
    opts.supportedGroups = o.supportedGroups ?? (tls13 ? tls13Groups() : ecGroups());
    // RFC 5246 §7.4.1.4.1: signature_algorithms only in hellos that offer TLS 1.2 or later.
    if (version === 'TLSv1.2' || tls13) opts.signatureAlgorithms = signatureSchemes();
    opts.renegotiationInfo = true;
    if (!tls13) opts.ecPointFormats = [0];
    else opts.keyShares = o.keyShares ?? TLS13_SHARES.map((g) => keyShare(g)!);
  }
  return buildClientHello(opts).records;
}

type Extract = (hello: ParsedServerHello, kx: KeyExchangeParams | null) => number | null;

async function askHello(t: EnumerationTarget, version: HelloVersion, records: Uint8Array, until: ReadUntil, extract: Extract): Promise<Choice> {
  const r = await exchange(t, records, new HelloAnswerReader(until));
  if (r.kind === 'failed') return { kind: 'failed', code: r.code };
  if (r.kind === 'closed') return { kind: 'refused', reason: 'closed' };
  const a = r.value;
  if (a.kind === 'alert') return { kind: 'refused', reason: alertReason(a.alert) };
  if (a.hello.selectedVersion !== VERSION[version]) {
    return { kind: 'refused', reason: `version:${versionName(a.hello.selectedVersion) ?? `0x${a.hello.selectedVersion.toString(16)}`}` };
  }
  const code = extract(a.hello, a.keyExchange);
  return code === null ? { kind: 'failed', code: 'ENCSCAN_TLS_BAD_VALUE' } : { kind: 'chosen', code };
}

function alertReason(alert: { description: number; descriptionName: string | null }): string {
  return `alert:${alert.descriptionName ?? alert.description}`;
}

function isEcdhe(name: string): boolean {
  return suiteProperties(name).kx.startsWith('ECDHE_');
}
