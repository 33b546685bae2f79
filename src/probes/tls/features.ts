// What a server says about itself beyond suites and groups, from a few more crafted hellos once
// enumeration knows what it accepts: the extensions it echoes, the SCTs in its ServerHello, its ALPN
// choices and the signature schemes it signs with. TLS ≤ 1.2 shows all of it in the clear; TLS 1.3
// encrypts everything after the ServerHello, so there only the signature schemes are measured, by
// offering one at a time (a handshake_failure alert before the ServerHello means "not that one").
import type { AlpnSupport, CodeRef, ProtocolSupport, SignatureSchemeSupport, TlsEvidence, TlsVersionName } from '../../evidence/tls.js';
import type { HelloVersion } from '../../tls/client-hello-builder.js';
import { EXTENSION } from '../../tls/extensions.js';
import { extensionName, signatureSchemeName } from '../../tls/registry.js';
import type { ParsedServerHello } from '../../tls/server-hello.js';
import { suiteProperties } from '../../tls/suite-properties.js';
import { askHello, helloFor, sendHello, type EnumerationTarget, type HelloShape } from './ask-hello.js';
import { signatureSchemes } from './offers.js';
import { removeChosen } from './remove-chosen.js';
import { parseSct } from './sct.js';

export type TlsFeatures = Pick<TlsEvidence, 'alpn' | 'signatureSchemes' | 'extensions' | 'sctList'> & { connections: number };

export const ALPN_PROTOCOLS = ['h2', 'http/1.1'] as const;
/** max_fragment_length 2^12 (RFC 6066 §4): a server that supports the extension echoes it. */
const MAX_FRAGMENT_4096 = 4;
/** Schemes a TLS 1.3 server may sign a CertificateVerify with (RFC 8446 §4.2.3), asked one at a time. */
const TLS13_SCHEMES = [0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b];
/** Key exchanges whose ServerKeyExchange carries a signature. */
const SIGNED_KX = /^(EC)?DHE_(RSA|ECDSA|DSS)$/;
const LEGACY = ['TLSv1.2', 'TLSv1.1', 'TLSv1.0'] as const;

/** Every extension the features hello asks the server to echo. */
const ECHO_REQUEST: Partial<HelloShape> = {
  extendedMasterSecret: true,
  encryptThenMac: true,
  sessionTicket: true,
  statusRequest: true,
  signedCertificateTimestamp: true,
  heartbeat: 1,
  extraExtensions: [{ type: EXTENSION.maxFragmentLength, data: Uint8Array.of(MAX_FRAGMENT_4096) }],
};

export async function probeFeatures(t: EnumerationTarget, protocols: readonly ProtocolSupport[]): Promise<TlsFeatures> {
  const out: TlsFeatures = { connections: 0 };
  const legacy = LEGACY.map((v) => protocols.find((p) => p.version === v && p.supported)).find((p) => p !== undefined);
  const tls13 = protocols.find((p) => p.version === 'TLSv1.3' && p.supported);
  if (legacy) await legacyFeatures(t, legacy, out);
  if (!out.signatureSchemes && tls13) out.signatureSchemes = await tls13Schemes(t, tls13, out);
  return out;
}

/**
 * TLS ≤ 1.2: the first hello offers every extension and ALPN [h2, http/1.1]; on TLS 1.2 with signed
 * key exchange suites it is also the first of a remove-chosen loop over signature_algorithms.
 */
async function legacyFeatures(t: EnumerationTarget, p: ProtocolSupport, out: TlsFeatures): Promise<void> {
  const version = p.version as HelloVersion;
  const all = p.cipherSuites.map((s) => Number(s.code));
  const signed = all.filter((_c, i) => SIGNED_KX.test(suiteProperties(p.cipherSuites[i]!.name).kx));
  const cipherSuites = signed.length > 0 ? signed : all;
  let first: ParsedServerHello | null = null;
  const hello = (o: Partial<HelloShape>) => helloFor(t, version, { cipherSuites, ...ECHO_REQUEST, alpn: [...ALPN_PROTOCOLS], ...o });
  if (version === 'TLSv1.2' && signed.length > 0) {
    const ranking = await removeChosen(
      signatureSchemes(),
      (offer) =>
        askHello(t, version, hello({ signatureAlgorithms: offer }), 'key-exchange', (a) => {
          first ??= a.hello;
          return a.signatureScheme;
        }),
      { maxPerHello: Number.MAX_SAFE_INTEGER, shortHello: Number.MAX_SAFE_INTEGER, checkOrder: false },
    );
    out.connections += ranking.asked;
    out.signatureSchemes = { version, method: 'server-key-exchange', schemes: ranking.accepted.map(schemeRef), error: ranking.error };
  } else {
    out.connections++;
    const a = await sendHello(t, version, hello({}), 'server-hello');
    if (!('kind' in a)) first = a.hello;
  }
  if (!first) return;
  const echoed: ParsedServerHello = first;
  out.extensions = { version: version as TlsVersionName, echoed: (echoed.extensions ?? []).map((e) => extensionRef(e.type)) };
  out.sctList = echoed.signedCertificateTimestamps.map(parseSct);
  out.alpn = await alpnAlone(t, version, echoed.alpn, (alpn) => hello({ alpn }), out);
}

/** The protocol not picked from [h2, http/1.1], offered alone: one more hello. */
async function alpnAlone(
  t: EnumerationTarget,
  version: HelloVersion,
  selected: string | null,
  hello: (alpn: string[]) => Uint8Array,
  out: TlsFeatures,
): Promise<AlpnSupport> {
  const { protocols } = alpnFromHandshake(selected);
  const other = protocols.find((p) => p.accepted === null);
  if (other) {
    out.connections++;
    const a = await sendHello(t, version, hello([other.name]), 'server-hello');
    other.accepted = 'kind' in a ? (a.kind === 'refused' ? false : null) : a.hello.alpn === other.name;
  }
  return { selected, protocols, via: 'server-hello' };
}

/** TLS 1.3: each scheme alone; a ServerHello means the server can sign with it. */
async function tls13Schemes(t: EnumerationTarget, p: ProtocolSupport, out: TlsFeatures): Promise<SignatureSchemeSupport> {
  const cipherSuites = p.cipherSuites.map((s) => Number(s.code));
  const answers = await Promise.all(
    TLS13_SCHEMES.map((scheme) => askHello(t, 'TLSv1.3', helloFor(t, 'TLSv1.3', { cipherSuites, signatureAlgorithms: [scheme] }), 'server-hello', () => scheme)),
  );
  out.connections += answers.length;
  const failed = answers.find((a) => a.kind === 'failed');
  return {
    version: 'TLSv1.3',
    method: 'handshake-failure',
    schemes: TLS13_SCHEMES.filter((_s, i) => answers[i]!.kind === 'chosen').map(schemeRef),
    error: failed?.kind === 'failed' ? failed.code : null,
  };
}

function schemeRef(code: number): CodeRef {
  return { code, name: signatureSchemeName(code) };
}

function extensionRef(code: number): CodeRef {
  return { code, name: extensionName(code) };
}

/** ALPN as the default node:tls handshake saw it, for servers whose ALPN crafted hellos cannot see (TLS 1.3 only). */
export function alpnFromHandshake(selected: string | null): AlpnSupport {
  const protocols = ALPN_PROTOCOLS.map((name) => ({ name, accepted: selected === null ? false : name === selected ? true : null }));
  return { selected, protocols, via: 'handshake' };
}
