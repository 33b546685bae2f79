// One crafted hello and the server's choice in it: the hello enumeration sends for a version (SNI,
// every group, every signature scheme, renegotiation_info), with whatever a probe adds, and the
// answer read down to a chosen code, a refusal or a failure.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { buildClientHello, type ClientHelloOptions, type HelloVersion } from '../../tls/client-hello-builder.js';
import { VERSION, versionName } from '../../tls/protocol-versions.js';
import type { ParsedServerHello } from '../../tls/server-hello.js';
import type { KeyExchangeParams } from '../../tls/server-key-exchange.js';
import { exchange, type Endpoint } from './exchange.js';
import { HelloAnswerReader, type ReadUntil } from './hello-answer.js';
import { keyShare } from './key-shares.js';
import { ecGroups, signatureSchemes, tls13Groups } from './offers.js';
import type { Choice } from './remove-chosen.js';

export interface EnumerationTarget extends Endpoint {
  /** The SNI name; null (or an IP literal) sends none. */
  sni: string | null;
}

const TLS13_SHARES = [29, 23];

/** Options a probe may set beyond the suites: the rest default to enumeration's hello. */
export type HelloShape = Pick<ClientHelloOptions, 'cipherSuites'> & Partial<Omit<ClientHelloOptions, 'version' | 'random' | 'serverName'>>;

export function helloFor(t: EnumerationTarget, version: HelloVersion, o: HelloShape): Uint8Array {
  const tls13 = version === 'TLSv1.3';
  const legacyExtensions = version !== 'SSLv3';
  const opts: ClientHelloOptions = {
    version,
    random: new Uint8Array(randomBytes(32)),
    cipherSuites: o.cipherSuites,
    ...(t.sni !== null && net.isIP(t.sni) === 0 && legacyExtensions ? { serverName: t.sni } : {}),
  };
  if (legacyExtensions) {
    opts.supportedGroups = tls13 ? tls13Groups() : ecGroups();
    // RFC 5246 §7.4.1.4.1: signature_algorithms only in hellos that offer TLS 1.2 or later.
    if (version === 'TLSv1.2' || tls13) opts.signatureAlgorithms = signatureSchemes();
    opts.renegotiationInfo = true;
    if (!tls13) opts.ecPointFormats = [0];
    else opts.keyShares = TLS13_SHARES.map((g) => keyShare(g)!);
    Object.assign(opts, o);
  }
  return buildClientHello(opts).records;
}

export interface ServerChoice {
  hello: ParsedServerHello;
  keyExchange: KeyExchangeParams | null;
  /** The ServerKeyExchange's signature scheme (TLS 1.2), null when none was read. */
  signatureScheme: number | null;
}

/** The server's answer to `records`, when it answered with `version`; else why not, as a Choice. */
export async function sendHello(t: EnumerationTarget, version: HelloVersion, records: Uint8Array, until: ReadUntil): Promise<ServerChoice | Exclude<Choice, { kind: 'chosen' }>> {
  const r = await exchange(t, records, new HelloAnswerReader(until));
  if (r.kind === 'failed') return { kind: 'failed', code: r.code };
  if (r.kind === 'closed') return { kind: 'refused', reason: 'closed' };
  const a = r.value;
  if (a.kind === 'alert') return { kind: 'refused', reason: alertReason(a.alert) };
  if (a.hello.selectedVersion !== VERSION[version]) {
    return { kind: 'refused', reason: `version:${versionName(a.hello.selectedVersion) ?? `0x${a.hello.selectedVersion.toString(16)}`}` };
  }
  return { hello: a.hello, keyExchange: a.keyExchange, signatureScheme: a.signatureScheme ?? null };
}

export type Extract = (answer: ServerChoice) => number | null;

export async function askHello(t: EnumerationTarget, version: HelloVersion, records: Uint8Array, until: ReadUntil, extract: Extract): Promise<Choice> {
  const a = await sendHello(t, version, records, until);
  if ('kind' in a) return a;
  const code = extract(a);
  return code === null ? { kind: 'failed', code: 'ENCSCAN_TLS_BAD_VALUE' } : { kind: 'chosen', code };
}

export function alertReason(alert: { description: number; descriptionName: string | null }): string {
  return `alert:${alert.descriptionName ?? alert.description}`;
}
