// What the weakness probes share: the endpoint with what enumeration found, the TLS ≤ 1.2 hello they
// send (the server's own accepted suites, so that it answers), and the result shapes.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { ProtocolSupport } from '../../../evidence/tls.js';
import type { TlsVulnerability, TlsVulnerabilityId } from '../../../evidence/tls-vulnerabilities.js';
import { buildClientHello, type ClientHelloOptions, type HelloVersion } from '../../../tls/client-hello-builder.js';
import type { Endpoint } from '../exchange.js';
import { ecGroups, signatureSchemes } from '../offers.js';
import { Conversation, type Step } from './conversation.js';
import { alertName, FlightReader, type ServerFlight } from './server-flight.js';

export interface VulnTarget extends Endpoint {
  sni: string | null;
  /** Enumeration's result per version. */
  protocols: readonly ProtocolSupport[];
}

/** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746 §3.3). */
export const RENEGOTIATION_SCSV = 0x00ff;
/** TLS_FALLBACK_SCSV (RFC 7507 §2). */
export const FALLBACK_SCSV = 0x5600;

export const LEGACY_ORDER: readonly HelloVersion[] = ['TLSv1.2', 'TLSv1.1', 'TLSv1.0', 'SSLv3'];

/** A supported TLS ≤ 1.2 version, highest first, with its accepted suite codes (optionally only those `keep` admits). */
export function legacyVersion(t: VulnTarget, keep: (suiteName: string) => boolean = () => true): { version: HelloVersion; suites: number[] } | null {
  for (const version of LEGACY_ORDER) {
    const p = t.protocols.find((x) => x.version === version && x.supported);
    const suites = (p?.cipherSuites ?? []).filter((s) => s.code !== null && keep(s.name)).map((s) => Number(s.code));
    if (suites.length > 0) return { version, suites };
  }
  return null;
}

/** A TLS ≤ 1.2 ClientHello in records, with the usual extensions (none for SSLv3) and `extra` on top. */
export function legacyHello(t: VulnTarget, version: HelloVersion, suites: number[], extra: Partial<ClientHelloOptions> = {}): Uint8Array {
  const withExtensions = version !== 'SSLv3';
  const opts: ClientHelloOptions = { version, random: new Uint8Array(randomBytes(32)), cipherSuites: suites, ...extra };
  if (withExtensions) {
    if (t.sni !== null && net.isIP(t.sni) === 0) opts.serverName = t.sni;
    opts.supportedGroups ??= ecGroups();
    opts.ecPointFormats ??= [0];
    if (version === 'TLSv1.2') opts.signatureAlgorithms ??= signatureSchemes();
  }
  return buildClientHello(opts).records;
}

export function result(
  id: TlsVulnerabilityId,
  vulnerable: boolean | null,
  detail: string,
  connections: number,
  how: TlsVulnerability['how'] = 'tested',
): TlsVulnerability {
  return { id, vulnerable, how, detail, connections };
}

/** Says in a few words what a step that was not the expected answer was. */
export function describeStep(step: Step<unknown> | { kind: 'alert'; alert: { description: number; descriptionName: string | null } }): string {
  switch (step.kind) {
    case 'alert':
      return `alert ${alertName(step.alert)}`;
    case 'closed':
      return 'connection closed';
    case 'silent':
      return 'no answer';
    case 'failed':
      return step.code;
    case 'answer':
      return 'answer';
  }
}

export type OpenedFlight = { ok: true; conv: Conversation; flight: Extract<ServerFlight, { kind: 'flight' }> } | { ok: false; why: string; alert: number | null };

/** Opens a connection, sends `hello` and reads the server's first flight; the caller closes `conv`. */
export async function helloFlight(t: VulnTarget, hello: Uint8Array): Promise<OpenedFlight> {
  const conv = await Conversation.open(t);
  if (!(conv instanceof Conversation)) return { ok: false, why: conv.code, alert: null };
  conv.send(hello);
  const step = await conv.read(new FlightReader());
  if (step.kind === 'answer' && step.value.kind === 'flight') return { ok: true, conv, flight: step.value };
  conv.close();
  // No first flight at all is the endpoint timing out (unlike silence after a probe's later step).
  if (step.kind === 'silent') t.connector.noteTimeout(t.address, t.port);
  if (step.kind === 'answer' && step.value.kind === 'alert') return { ok: false, why: describeStep(step.value), alert: step.value.alert.description };
  return { ok: false, why: describeStep(step), alert: null };
}
