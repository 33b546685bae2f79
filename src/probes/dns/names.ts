// Domain names inside encscan's DNS code are dns-packet style: lowercase, no trailing dot, root is '.'.
import { EncscanError } from '../../engine/errors.js';

/** Lowercases and drops one trailing dot; '' and '.' are the root. No validation (for wire data). */
export function canonicalName(name: string): string {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n === '' ? '.' : n;
}

/** canonicalName plus the RFC 1035 limits, for names callers ask about (A-labels only). */
export function parseDomainName(name: string): string {
  const n = canonicalName(name);
  if (n === '.') return n;
  const labels = n.split('.');
  const ok =
    n.length <= 253 && labels.every((l) => l.length > 0 && l.length <= 63 && /^[\x21-\x7e]+$/.test(l) && !l.includes('\\'));
  if (!ok) throw new EncscanError('ENCSCAN_BAD_TARGET', `not a valid domain name: "${name}"`);
  return n;
}

/** True when `name` is `zone` or inside it (both canonical). */
export function isAtOrBelow(name: string, zone: string): boolean {
  return zone === '.' || name === zone || name.endsWith(`.${zone}`);
}

export function labelCount(name: string): number {
  return name === '.' ? 0 : name.split('.').length;
}

/** The names strictly below `zone` on the way down to `name`, closest to the zone first. */
export function pathBelow(zone: string, name: string): string[] {
  const labels = name === '.' ? [] : name.split('.');
  const out: string[] = [];
  for (let i = labels.length - labelCount(zone) - 1; i >= 0; i--) out.push(labels.slice(i).join('.'));
  return out;
}
