// Judges one candidate path (RFC 5280 §6.1 as a TLS client applies it, with the CA/B web-PKI
// profile's certificate rules from profile-rules.ts and name constraints from name-constraints.ts).
import { KEY_CERT_SIGN, type CertFields } from './cert-fields.js';
import type { ChainError, ChainErrorDetail } from './chain-errors.js';
import { matchesHostname } from './hostname.js';
import { weakSignatureDepths } from './key-strength.js';
import { checkNameConstraints, isUnusable } from './name-constraints.js';
import { EKU_SERVER_AUTH } from './oids.js';
import type { CandidatePath } from './path-search.js';
import { checkProfile, type Role } from './profile-rules.js';
import { isBundledRoot } from './trust-store.js';
import type { SignatureCheck } from './verify-signature.js';

export interface PathPolicy {
  now: Date;
  /** Most intermediates allowed between leaf and anchor, self-issued ones not counted. */
  maxIntermediates?: number;
}

export function checkPath(path: CandidatePath, policy: PathPolicy): ChainErrorDetail[] {
  const out: ChainErrorDetail[] = [];
  const add = (code: ChainError, depth: number): void => {
    if (!out.some((d) => d.code === code && d.depth === depth)) out.push({ code, depth });
  };
  const last = path.certs.length - 1;
  if (path.end === 'self-signed') add(last === 0 ? 'self-signed' : 'untrusted-root', last);
  if (path.end === 'no-issuer') add('incomplete-chain', last);
  if (path.end === 'limit') add('search-limit', last);
  const signatureError = (sig: SignatureCheck | undefined, depth: number): void => {
    if (sig === 'bad') add('bad-signature', depth);
    if (sig === 'unsupported') add('unverifiable-signature', depth);
  };
  path.links.forEach(signatureError);
  signatureError(path.selfSignature, last);
  for (const depth of weakSignatureDepths(path.certs, path.end === 'anchor')) add('weak-signature', depth);

  // X.509 times have whole seconds, so compare at that precision (notAfter is inclusive).
  const at = Math.floor(policy.now.getTime() / 1000) * 1000;
  path.certs.forEach((cert, depth) => {
    if (cert.malformed.length > 0) add('malformed-certificate', depth);
    if (at < cert.notBefore.getTime()) add('not-yet-valid', depth);
    if (at > cert.notAfter.getTime()) add('expired', depth);
    const role: Role = depth === 0 ? 'leaf' : depth === last && path.end === 'anchor' ? (isBundledRoot(cert.sha256) ? 'vetted-anchor' : 'anchor') : 'ca';
    checkProfile(cert, role, (code) => add(code, depth));
    if (depth > 0) checkIssuer(path.certs, depth, role, add);
  });
  checkNameConstraints(path.certs, add);

  const intermediates = path.certs.slice(1, path.end === 'anchor' ? last : undefined).filter((c) => c.subjectHex !== c.issuerHex);
  if (policy.maxIntermediates !== undefined && intermediates.length > policy.maxIntermediates) add('chain-too-long', last);
  return out;
}

function checkIssuer(certs: CertFields[], depth: number, role: Role, add: (code: ChainError, depth: number) => void): void {
  const cert = certs[depth]!;
  if (cert.basicConstraints?.ca !== true) add('issuer-not-ca', depth);
  if (cert.keyUsage !== undefined && (cert.keyUsage & KEY_CERT_SIGN) === 0) add('bad-key-usage', depth);
  if (cert.nameConstraints && isUnusable(cert.nameConstraints)) add('bad-name-constraints', depth);
  // BRs §7.1.2.1.2: roots carry no EKU; §7.1.2.2–7.1.2.10: a restricted CA must allow serverAuth.
  const eku = cert.extKeyUsage;
  if (eku && (role !== 'ca' || !eku.includes(EKU_SERVER_AUTH))) add('bad-extended-key-usage', depth);
  const pathLen = cert.basicConstraints?.pathLen;
  if (pathLen !== undefined) {
    // Intermediates below this one, not counting the leaf or self-issued certs (RFC 5280 §6.1.4 (l)).
    const below = certs.slice(1, depth).filter((c) => c.subjectHex !== c.issuerHex).length;
    if (below > pathLen) add('path-length-exceeded', depth);
  }
}

/** Name facts about the leaf: never part of `trusted`. */
export function checkName(leaf: CertFields, host: string): ChainErrorDetail[] {
  const san = leaf.san ?? { dns: [], ip: [] };
  if (san.dns.length === 0 && san.ip.length === 0) {
    return [
      { code: 'no-san', depth: 0 },
      { code: 'hostname-mismatch', depth: 0 },
    ];
  }
  return matchesHostname(san, host) ? [] : [{ code: 'hostname-mismatch', depth: 0 }];
}
