// Names for TLS code points, read from the JSON tables beside this file (each with its source).
// A code with no entry has no name: lookups return null and callers show the number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

interface Row {
  code: number;
  name: string;
}

const cache = new Map<string, Map<number, string>>();

function table(file: string, key: string): Map<number, string> {
  let t = cache.get(`${file}#${key}`);
  if (!t) {
    const data = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'tls', file), 'utf8')) as Record<string, Row[]>;
    t = new Map((data[key] ?? []).map((r) => [r.code, r.name]));
    cache.set(`${file}#${key}`, t);
  }
  return t;
}

/** RFC 8701 GREASE values for 16-bit code points: 0x0A0A, 0x1A1A, … 0xFAFA. */
export function isGrease(code: number): boolean {
  return (code & 0x0f0f) === 0x0a0a && code >> 8 === (code & 0xff);
}

export function extensionName(code: number): string | null {
  return isGrease(code) ? 'GREASE' : (table('extension-types.json', 'types').get(code) ?? null);
}

export function groupName(code: number): string | null {
  return isGrease(code) ? 'GREASE' : (table('groups.json', 'groups').get(code) ?? null);
}

export function signatureSchemeName(code: number): string | null {
  return isGrease(code) ? 'GREASE' : (table('signature-schemes.json', 'schemes').get(code) ?? null);
}

export function alertLevelName(code: number): string | null {
  return table('alert-descriptions.json', 'levels').get(code) ?? null;
}

export function alertDescriptionName(code: number): string | null {
  return table('alert-descriptions.json', 'descriptions').get(code) ?? null;
}

/** Every registered supported-groups code, in registry order. */
export function registeredGroups(): number[] {
  return [...table('groups.json', 'groups').keys()];
}

/** Every registered signature scheme code, in registry order. */
export function registeredSignatureSchemes(): number[] {
  return [...table('signature-schemes.json', 'schemes').keys()];
}
