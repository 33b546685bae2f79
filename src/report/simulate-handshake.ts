import type { EndpointEvidence } from '../evidence/target.js';
import type { ProtocolSupport, TlsVersionName } from '../evidence/tls.js';
import { suiteProperties } from '../tls/suite-properties.js';
import { profileRules } from './profile-rules.js';

/** One client of src/report/profiles/reference-clients.json: its defaults, most preferred first. */
export interface ReferenceClient {
  id: string;
  name: string;
  source: string;
  versions: TlsVersionName[];
  cipherSuites: string[];
  groups: string[];
  signatureAlgorithms: string[];
}

export type HandshakeFailure = 'no-common-version' | 'no-common-suite' | 'no-common-group' | 'no-common-signature';

/** What one reference client would negotiate with the endpoint (SSL Labs' "Handshake Simulation"). */
export type SimulatedHandshake =
  | { client: string; version: TlsVersionName; cipherSuite: string; group: string | null; forwardSecrecy: boolean; aead: boolean }
  | { client: string; failure: HandshakeFailure };

export function referenceClients(): ReferenceClient[] {
  return profileRules<{ clients: ReferenceClient[] }>('reference-clients').clients;
}

export function referenceClientsVersion(): string {
  return profileRules<{ rulesVersion: string }>('reference-clients').rulesVersion;
}

/**
 * Predicts each client's handshake from the enumerated evidence alone: the highest version both
 * support, then the suite the server picks (its own order when it enforces one, else the client's),
 * the client's most preferred group the server accepted, and a signature scheme for the leaf key.
 * Clients do not fall back to a lower version when the highest common one fails, so neither do we.
 */
export function simulateHandshakes(ep: EndpointEvidence, clients: readonly ReferenceClient[] = referenceClients()): SimulatedHandshake[] {
  return clients.map((c) => simulateOne(ep, c));
}

function simulateOne(ep: EndpointEvidence, c: ReferenceClient): SimulatedHandshake {
  const protocols = ep.tls?.protocols ?? [];
  const p = c.versions.map((v) => protocols.find((x) => x.version === v && x.supported)).find((x) => x !== undefined);
  if (p === undefined) return { client: c.name, failure: 'no-common-version' };
  const tls13 = p.version === 'TLSv1.3';
  if (!signatureUsable(ep, c, tls13)) return { client: c.name, failure: 'no-common-signature' };
  const group = commonGroup(ep, p, c);
  if (tls13 && group === undefined) return { client: c.name, failure: 'no-common-group' };
  const usable = (name: string) => c.cipherSuites.includes(name) && (group !== undefined || !/^TLS_ECDHE_/.test(name));
  const server = p.cipherSuites.map((s) => s.name).filter(usable);
  if (server.length === 0) return { client: c.name, failure: 'no-common-suite' };
  const suite = p.serverOrder === true ? server[0]! : c.cipherSuites.find((s) => server.includes(s))!;
  const props = suiteProperties(suite);
  const ecdhe = tls13 || /^ECDHE_/.test(props.kx);
  return { client: c.name, version: p.version, cipherSuite: suite, group: ecdhe ? (group ?? null) : null, forwardSecrecy: props.forwardSecrecy, aead: props.aead };
}

/**
 * The client's most preferred group that the server accepted with this version (TLS 1.3 key share,
 * TLS 1.2 ECDHE). When enumeration recorded no groups at all, the client's first is assumed: missing
 * evidence must not fail a handshake. undefined: no group in common.
 */
function commonGroup(ep: EndpointEvidence, p: ProtocolSupport, c: ReferenceClient): string | undefined {
  const accepted = (p.groups.length > 0 ? p.groups : (ep.tls?.groups ?? [])).map((g) => (g.name ?? '').toLowerCase());
  if (accepted.length === 0) return c.groups[0];
  return c.groups.find((g) => accepted.includes(g.toLowerCase()));
}

/** Can the server sign with its leaf key using a scheme the client offers? TLS 1.3 binds ECDSA schemes to a curve. */
function signatureUsable(ep: EndpointEvidence, c: ReferenceClient, tls13: boolean): boolean {
  const leaf = ep.certificates?.[0];
  if (leaf === undefined) return true;
  const schemes = c.signatureAlgorithms;
  // TLS 1.3 handshake signatures with an RSA key must be RSA-PSS (RFC 8446 §4.2.3).
  if (leaf.keyType === 'RSA') return schemes.some((s) => s.startsWith(tls13 ? 'rsa_pss_' : 'rsa_'));
  if (leaf.keyType === 'EC') {
    const bound = ECDSA_SCHEME[leaf.curve ?? ''];
    return tls13 && bound !== undefined ? schemes.includes(bound) : schemes.some((s) => s.startsWith('ecdsa_'));
  }
  if (leaf.keyType === 'Ed25519' || leaf.keyType === 'Ed448') return schemes.includes(leaf.keyType.toLowerCase());
  return true;
}

const ECDSA_SCHEME: Record<string, string> = {
  'P-256': 'ecdsa_secp256r1_sha256',
  'P-384': 'ecdsa_secp384r1_sha384',
  'P-521': 'ecdsa_secp521r1_sha512',
};
