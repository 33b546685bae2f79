import net from 'node:net';
import { domainToASCII, domainToUnicode } from 'node:url';
import { UsageError } from './errors.js';
import { ipVersion } from './ip.js';

export interface Target {
  input: string;
  /** A-label name without trailing dot, or the IP literal (IPv6 without brackets). */
  host: string;
  /** U-label form, for people. */
  displayHost: string;
  /** Logical port: what URLs and TLSA names use. */
  port: number;
  path: string;
  ip: 0 | 4 | 6;
}

const DEFAULT_PORT = 443;

/** Parses a hostname, host:port, https:// URL or IP literal ([::1]:8443). Throws UsageError (exit 3). */
export function parseTarget(input: string): Target {
  const raw = input.trim();
  if (raw === '') fail(input, 'empty target');
  if (/[\s\x00-\x1f\x7f]/.test(raw)) fail(input, 'contains whitespace or control characters');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw);
  if (scheme) {
    if (scheme[1]!.toLowerCase() !== 'https') fail(input, `unsupported scheme "${scheme[1]}" (use https:// or a bare host name)`);
    return fromUrl(input, raw);
  }
  if (raw.includes('/')) fail(input, 'a path needs an https:// URL');
  return fromHostPort(input, raw, '/');
}

function fromUrl(input: string, raw: string): Target {
  const rest = raw.slice('https://'.length);
  const cut = rest.search(/[/?#]/);
  const authority = cut < 0 ? rest : rest.slice(0, cut);
  if (authority.includes('@')) fail(input, 'user information in the URL is not supported');
  const path = cut < 0 ? '/' : rest.slice(cut).split('#')[0]!.replace(/^(?=[?])/, '/');
  return fromHostPort(input, authority, path);
}

function fromHostPort(input: string, authority: string, path: string): Target {
  let hostPart = authority;
  let portPart: string | undefined;
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    if (end < 0) fail(input, 'missing "]" after IPv6 address');
    hostPart = authority.slice(1, end);
    const after = authority.slice(end + 1);
    if (after !== '') {
      if (!after.startsWith(':')) fail(input, `unexpected "${after}" after IPv6 address`);
      portPart = after.slice(1);
    }
    if (!net.isIPv6(hostPart)) fail(input, `"${hostPart}" is not an IPv6 address`);
  } else if (ipVersion(authority) === 6) {
    hostPart = authority;
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      hostPart = authority.slice(0, colon);
      portPart = authority.slice(colon + 1);
    }
  }
  const port = portPart === undefined ? DEFAULT_PORT : parsePort(input, portPart);
  const ip = ipVersion(hostPart);
  if (ip !== 0) return { input, host: hostPart.toLowerCase(), displayHost: hostPart.toLowerCase(), port, path, ip };
  const host = toALabel(input, hostPart);
  return { input, host, displayHost: domainToUnicode(host) || host, port, path, ip: 0 };
}

export function parsePort(input: string, text: string): number {
  if (!/^\d{1,5}$/.test(text)) fail(input, `bad port "${text}"`);
  const port = Number(text);
  if (port < 1 || port > 65535) fail(input, `port ${port} is out of range 1-65535`);
  return port;
}

/** Validates a DNS host name and returns its lower-case A-label form without the trailing dot. */
export function toALabel(input: string, name: string): string {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (trimmed === '') fail(input, 'empty host name');
  checkLabels(input, trimmed);
  const ascii = domainToASCII(trimmed);
  if (ascii === '') fail(input, 'not a valid internationalised domain name');
  checkLabels(input, ascii);
  for (const label of ascii.split('.')) {
    if (!/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?$/.test(label)) fail(input, `label "${label}" has characters not allowed in a host name`);
  }
  return ascii;
}

function checkLabels(input: string, name: string): void {
  const labels = name.split('.');
  if (labels.some((l) => l === '')) fail(input, 'empty label');
  const long = labels.find((l) => l.length > 63);
  if (long !== undefined) fail(input, `label "${long.slice(0, 20)}…" is longer than 63 octets`);
  if (name.length > 253) fail(input, `name is longer than 253 octets`);
}

function fail(input: string, why: string): never {
  throw new UsageError(`invalid target "${printable(input)}": ${why}`, 'ENCSCAN_BAD_TARGET');
}

/** Keeps error lines on one line and free of terminal escapes. */
function printable(s: string): string {
  const clean = s.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
