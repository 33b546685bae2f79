// Enumerates an endpoint with crafted hellos: for each version from SSLv2 to TLS 1.3 the accepted
// cipher suites and the server's order, then the groups (TLS 1.3 through HelloRetryRequest with an
// empty key_share, TLS ≤ 1.2 through the ServerKeyExchange of an ECDHE suite). One connection per hello.
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { GroupRef, ProtocolSupport } from '../../evidence/tls.js';
import type { KeyShareEntry } from '../../tls/extension-bodies.js';
import type { HelloVersion } from '../../tls/client-hello-builder.js';
import { ssl2KindRef, ssl2Kinds, suiteRef } from '../../tls/cipher-suites.js';
import { groupName } from '../../tls/registry.js';
import { buildSsl2ClientHello } from '../../tls/ssl2.js';
import { suiteProperties } from '../../tls/suite-properties.js';
import { alertReason, askHello, helloFor, type EnumerationTarget } from './ask-hello.js';
import { exchange } from './exchange.js';
import { isPqGroup, keyShare, preparePqShares } from './key-shares.js';
import { ecGroups, suitesFor, tls13Groups } from './offers.js';
import { removeChosen, type RankOptions, type Ranking } from './remove-chosen.js';
import { Ssl2AnswerReader } from './ssl2-answer.js';

export type { EnumerationTarget } from './ask-hello.js';

export interface TlsEnumeration {
  protocols: ProtocolSupport[];
  groups: GroupRef[];
  connections: number;
}

/** At most this many suites in one hello: some servers fail on longer lists. */
const MAX_SUITES_PER_HELLO = 128;
/** The list for servers that drop long hellos. */
const SHORT_HELLO_SUITES = 24;
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
  const ask = (offer: number[]) => askHello(t, version, helloFor(t, version, { cipherSuites: offer }), 'server-hello', (a) => a.hello.cipherSuite);
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
  const candidates = tls13 ? tls13Groups() : ecGroups();
  if (tls13) await preparePqShares(candidates);
  const ask = (offer: number[]) =>
    tls13
      ? askHello(t, version, helloFor(t, version, { cipherSuites: suites, supportedGroups: offer, keyShares: pqShare(offer) }), 'server-hello', (a) => a.hello.keyShareGroup)
      : askHello(t, version, helloFor(t, version, { cipherSuites: suites, supportedGroups: offer }), 'key-exchange', (a) =>
          a.keyExchange?.kind === 'ecdhe' ? a.keyExchange.group : null,
        );
  const r: Ranking = await removeChosen(candidates, ask, rankOptions(false));
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

/**
 * TLS 1.3 group hellos carry no classic share, so the server names its choice in a HelloRetryRequest,
 * but they carry a real share of the first post-quantum group offered, as browsers do: a server that
 * picks it must accept the encapsulation key and answer with a ServerHello.
 */
function pqShare(offer: number[]): KeyShareEntry[] {
  const first = offer.find(isPqGroup);
  const share = first === undefined ? null : keyShare(first);
  return share ? [share] : [];
}

export function rankOptions(checkOrder: boolean): RankOptions {
  return { maxPerHello: MAX_SUITES_PER_HELLO, shortHello: SHORT_HELLO_SUITES, final: versionRefused, checkOrder };
}

function isEcdhe(name: string): boolean {
  return suiteProperties(name).kx.startsWith('ECDHE_');
}
