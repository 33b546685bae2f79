// Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)–(c)) with the CA/B profile's reading of
// wildcard SANs: a wildcard is permitted when every name it can stand for is, and excluded when
// any name it can stand for might be (the defensive reading behind CVE-2025-61727).
import type { CertFields } from './cert-fields.js';
import type { ChainError } from './chain-errors.js';
import { children, decodeError, expectTlv, TAG, toHex, type Tlv } from './der.js';
import { isHostname, isMailbox, readGeneralName, type GeneralName } from './general-names.js';

export interface NameConstraints {
  permitted: GeneralName[];
  excluded: GeneralName[];
}

/** Names × constraints compared for one certificate before giving up (quadratic blow-up guard). */
const MAX_NAME_COMPARISONS = 1 << 20;

/** Is this subtree base well formed? dNSName bases are host names, without wildcards or a leading dot. */
export function isValidConstraint(base: GeneralName): boolean {
  if (base.type === 'dns') return base.value === '' || isHostname(base.value);
  if (base.type === 'email') return base.value.includes('@') ? isMailbox(base.value) : isHostname(base.value.replace(/^\./, ''));
  if (base.type === 'ip') return (base.bytes.length === 8 || base.bytes.length === 32) && isPrefixMask(base.bytes.subarray(base.bytes.length / 2));
  return true;
}

/** True when the extension restricts nothing or has a malformed subtree (both unusable). */
export function isUnusable(nc: NameConstraints): boolean {
  return (nc.permitted.length === 0 && nc.excluded.length === 0) || ![...nc.permitted, ...nc.excluded].every(isValidConstraint);
}

/** Applies every CA's constraints to the certificates below it, skipping self-issued CAs (§6.1.3 (b)). */
export function checkNameConstraints(certs: CertFields[], add: (code: ChainError, depth: number) => void): void {
  certs.forEach((ca, j) => {
    const nc = ca.nameConstraints;
    if (j === 0 || !nc || isUnusable(nc)) return;
    for (let i = 0; i < j; i++) {
      const cert = certs[i]!;
      if (i > 0 && cert.subjectHex === cert.issuerHex) continue;
      const names = namesOf(cert);
      if (names.length * (nc.permitted.length + nc.excluded.length) > MAX_NAME_COMPARISONS) add('search-limit', i);
      else if (!names.every((name) => allowed(name, nc))) add('name-constraint-violation', i);
    }
  });
}

function namesOf(cert: CertFields): GeneralName[] {
  const subject: GeneralName[] = cert.subjectEmpty ? [] : [{ type: 'dir', der: cert.subject }];
  return [...subject, ...(cert.altNames ?? [])];
}

function sameKind(a: GeneralName, b: GeneralName): boolean {
  return a.type === b.type && (a.type !== 'other' || a.tag === (b as { tag: number }).tag);
}

function allowed(name: GeneralName, nc: NameConstraints): boolean {
  const excluded = nc.excluded.filter((c) => sameKind(name, c));
  const permitted = nc.permitted.filter((c) => sameKind(name, c));
  // Constraints of a kind we cannot evaluate reject any name of that kind (§4.2.1.10).
  if (name.type === 'other') return excluded.length === 0 && permitted.length === 0;
  if (excluded.some((c) => matches(name, c, 'excluded'))) return false;
  return permitted.length === 0 || permitted.some((c) => matches(name, c, 'permitted'));
}

function matches(name: GeneralName, c: GeneralName, mode: 'permitted' | 'excluded'): boolean {
  if (name.type === 'dns' && c.type === 'dns') return dnsMatches(name.value.toLowerCase(), c.value.toLowerCase(), mode);
  if (name.type === 'email' && c.type === 'email') return emailMatches(name.value, c.value);
  if (name.type === 'ip' && c.type === 'ip') return ipMatches(name.bytes, c.bytes);
  if (name.type === 'dir' && c.type === 'dir') return dirMatches(name.der, c.der);
  return false;
}

const dnsWithin = (name: string, base: string): boolean => base === '' || name === base || name.endsWith(`.${base}`);

function dnsMatches(name: string, base: string, mode: 'permitted' | 'excluded'): boolean {
  if (!name.startsWith('*.')) return dnsWithin(name, base);
  const parent = name.slice(2);
  if (dnsWithin(parent, base)) return true; // every expansion is inside the subtree
  // Some expansion falls inside when the subtree is one label below the wildcard's parent.
  return mode === 'excluded' && base.slice(base.indexOf('.') + 1) === parent;
}

function emailMatches(name: string, c: string): boolean {
  const at = name.lastIndexOf('@');
  const host = name.slice(at + 1).toLowerCase();
  if (c.includes('@')) {
    const cAt = c.lastIndexOf('@');
    return name.slice(0, at) === c.slice(0, cAt) && host === c.slice(cAt + 1).toLowerCase();
  }
  const base = c.toLowerCase();
  return base.startsWith('.') ? host.endsWith(base) : host === base;
}

function ipMatches(addr: Uint8Array, c: Uint8Array): boolean {
  if (c.length !== addr.length * 2) return false;
  return addr.every((b, i) => (b & c[addr.length + i]!) === (c[i]! & c[addr.length + i]!));
}

function isPrefixMask(mask: Uint8Array): boolean {
  const bits = Array.from(mask, (b) => b.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits);
}

/** The constraint's RDNs are a prefix of the name's (compared as DER). */
function dirMatches(name: Uint8Array, c: Uint8Array): boolean {
  const rdns = (der: Uint8Array): string[] => {
    try {
      return children(der, expectTlv(der, 0, TAG.sequence)).map((t) => toHex(der.subarray(t.start, t.end)));
    } catch {
      return [];
    }
  };
  const have = rdns(name);
  const want = rdns(c);
  return want.length <= have.length && want.every((rdn, i) => rdn === have[i]);
}

/** NameConstraints extension value (already inside the OCTET STRING). */
export function readNameConstraints(der: Uint8Array, value: Tlv): NameConstraints {
  const nc: NameConstraints = { permitted: [], excluded: [] };
  if (value.tag !== TAG.sequence) throw decodeError('bad NameConstraints');
  for (const part of children(der, value)) {
    const list = part.tag === 0xa0 ? nc.permitted : part.tag === 0xa1 ? nc.excluded : null;
    if (!list) continue;
    for (const subtree of children(der, part)) {
      const base = children(der, expectTlv(der, subtree.start, TAG.sequence, subtree.end))[0];
      if (base) list.push(readGeneralName(der, base));
    }
  }
  return nc;
}
