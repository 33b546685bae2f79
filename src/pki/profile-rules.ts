// Per-certificate rules of RFC 5280 §4 and the CA/B Baseline Requirements §7.1 that a web-PKI
// client can see: extension shape and criticality, key identifiers, serial numbers, names and
// keys. Trust anchors get the subset that describes the anchor itself (BRs §7.1.2.1).
import { KEY_CERT_SIGN, type CertFields } from './cert-fields.js';
import type { ChainError } from './chain-errors.js';
import { isValidSanEntry } from './general-names.js';
import { keyProblem } from './key-strength.js';
import { EKU_ANY, EKU_SERVER_AUTH, EXTENSIONS } from './oids.js';

/**
 * 'vetted-anchor': a root of Node's bundled Mozilla store. Mozilla's root programme vetted it and
 * several predate the BRs' root profile (§7.1.2.1, 2023), so only its key and critical extensions
 * are judged; roots the user adds get the whole profile.
 */
export type Role = 'leaf' | 'ca' | 'anchor' | 'vetted-anchor';
type Add = (code: ChainError) => void;

/**
 * Extensions accepted as critical (RFC 5280 §4.2). The policy extensions are recognised but not
 * processed: web-PKI trust does not depend on policy processing, as in browsers.
 */
const UNDERSTOOD = new Set<string>([
  EXTENSIONS.basicConstraints,
  EXTENSIONS.keyUsage,
  EXTENSIONS.extKeyUsage,
  EXTENSIONS.subjectAltName,
  EXTENSIONS.nameConstraints,
  EXTENSIONS.certificatePolicies,
  EXTENSIONS.policyConstraints,
  EXTENSIONS.inhibitAnyPolicy,
]);
/** RFC 5280 §4.2.1.1, §4.2.1.2, §4.2.2.1: conforming CAs mark these non-critical. */
const NEVER_CRITICAL = new Set<string>([EXTENSIONS.authorityKeyIdentifier, EXTENSIONS.subjectKeyIdentifier, EXTENSIONS.authorityInfoAccess]);

export function checkProfile(cert: CertFields, role: Role, add: Add): void {
  if (keyProblem({ keyType: cert.keyAlgorithm, rsaBits: cert.rsaModulusBits, curve: cert.curve })) add('weak-key');
  checkExtensions(cert, role, add);
  if (role === 'vetted-anchor') return;
  checkKeyIds(cert, role, add);
  // RFC 5280 §4.1.2.6: a CA's subject is a non-empty distinguished name.
  if (role !== 'leaf' && cert.subjectEmpty) add('bad-subject');
  if (role === 'anchor') return;
  if (!serialOk(cert.serialBytes)) add('bad-serial-number');
  if (cert.altNames && !cert.altNames.every(isValidSanEntry)) add('bad-san');
  if (role === 'leaf') checkLeaf(cert, add);
}

function checkExtensions(cert: CertFields, role: Role, add: Add): void {
  const seen = new Set<string>();
  for (const { oid, critical } of cert.extensions) {
    if (seen.has(oid)) add('duplicate-extension');
    seen.add(oid);
    if (critical && NEVER_CRITICAL.has(oid)) add('bad-extension-criticality');
    else if (critical && !UNDERSTOOD.has(oid)) add('unknown-critical-extension');
    // RFC 5280 §4.2.1.6 with BRs §7.1.2.7.12: critical exactly when the subject is empty.
    if (oid === EXTENSIONS.subjectAltName && critical !== cert.subjectEmpty) add('bad-extension-criticality');
    // RFC 5280 §4.2.1.9: a CA's basicConstraints is critical; BRs §7.1.2.7.6: a leaf's EKU is not.
    if (oid === EXTENSIONS.basicConstraints && role !== 'leaf' && cert.basicConstraints?.ca === true && !critical) add('bad-extension-criticality');
    if (oid === EXTENSIONS.extKeyUsage && role === 'leaf' && critical) add('bad-extension-criticality');
    // RFC 5280 §4.2.1.11, §4.2.1.14: policy constraints and inhibitAnyPolicy are critical.
    if ((oid === EXTENSIONS.policyConstraints || oid === EXTENSIONS.inhibitAnyPolicy) && !critical) add('bad-extension-criticality');
  }
}

function checkKeyIds(cert: CertFields, role: Role, add: Add): void {
  const selfIssued = cert.subjectHex === cert.issuerHex;
  // RFC 5280 §4.2.1.2: every CA certificate carries an SKI.
  if (role !== 'leaf' && cert.subjectKeyId === undefined) add('missing-key-identifier');
  // RFC 5280 §4.2.1.1: everything a CA issues names the issuing key. An anchor is configured, not
  // issued to us, so its own AKI is not judged (a cross-signed anchor may lack it).
  if (role !== 'anchor' && !selfIssued && cert.authorityKeyId === undefined) add('missing-key-identifier');
  // BRs §7.1.2.1.3: a root's AKI, if present, is exactly its own SKI.
  const hasAki = cert.extensions.some((e) => e.oid === EXTENSIONS.authorityKeyIdentifier);
  if (role === 'anchor' && selfIssued && hasAki && (cert.authorityCertRef || cert.authorityKeyId === undefined || cert.authorityKeyId !== cert.subjectKeyId)) {
    add('bad-authority-key-id');
  }
}

/** RFC 5280 §4.1.2.2: positive, at most 20 octets. */
function serialOk(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.length > 20 || (bytes[0]! & 0x80) !== 0) return false;
  return bytes.some((b) => b !== 0);
}

function checkLeaf(cert: CertFields, add: Add): void {
  if (cert.basicConstraints?.ca === true || (cert.keyUsage !== undefined && (cert.keyUsage & KEY_CERT_SIGN) !== 0)) add('ca-as-leaf');
  if (cert.nameConstraints) add('bad-name-constraints');
  // BRs §7.1.2.7.10: serverAuth present, anyExtendedKeyUsage absent.
  const eku = cert.extKeyUsage;
  if (!eku || !eku.includes(EKU_SERVER_AUTH) || eku.includes(EKU_ANY)) add('bad-extended-key-usage');
  // BRs §7.1.4.3: each CN is a character-for-character copy of a SAN entry (IPs in RFC 5952 / dotted form).
  const sanText = new Set([...(cert.san?.dns ?? []), ...(cert.san?.ip ?? [])]);
  if (cert.commonNames.length > 1 || cert.commonNames.some((cn) => !sanText.has(cn))) add('common-name-not-in-san');
}
