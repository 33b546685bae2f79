// Server identity matching per RFC 9525 (which obsoletes RFC 6125): only subjectAltName
// entries count, never the subject CN (§6.3). IP targets match only iPAddress entries (§6.2.2).
import { isIPv4, isIPv6 } from 'node:net';

export interface SanNames {
  dns: string[];
  ip: string[];
}

/** Canonical text of an IP literal (IPv6 compressed and lowercased per RFC 5952), or null. */
export function normaliseIp(text: string): string | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (isIPv4(bare)) return bare;
  // The WHATWG URL serialiser applies RFC 5952 compression, so equal addresses print equally.
  if (isIPv6(bare)) return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  return null;
}

/** Text of an iPAddress SAN's octets; null for lengths that are not an address. */
export function formatIpBytes(bytes: Uint8Array): string | null {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length !== 16) return null;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return normaliseIp(groups.join(':'));
}

export function matchesHostname(san: SanNames, host: string): boolean {
  const ip = normaliseIp(host);
  if (ip !== null) return san.ip.some((entry) => normaliseIp(entry) === ip);
  const name = asciiLower(stripRootDot(host));
  if (name === '' || name.startsWith('.')) return false;
  return san.dns.some((entry) => dnsEntryMatches(asciiLower(stripRootDot(entry)), name));
}

function dnsEntryMatches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  // Wildcard only as the complete left-most label (RFC 9525 §6.3), over at least two further
  // labels so `*` or `*.com` never match anything.
  if (!pattern.startsWith('*.') || pattern.indexOf('*', 1) !== -1) return false;
  const base = pattern.slice(2);
  if (!base.includes('.') || base.split('.').includes('')) return false;
  const dot = name.indexOf('.');
  if (dot <= 0 || name.slice(dot + 1) !== base) return false;
  // A wildcard must not stand for an internationalised (A-label) label (RFC 9525 §6.3).
  return !name.startsWith('xn--');
}

function stripRootDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** ASCII-only case folding: A-labels are ASCII, and Unicode folding could create false matches. */
function asciiLower(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
