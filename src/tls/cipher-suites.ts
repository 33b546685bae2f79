// The cipher suites encscan knows: the IANA registry (cipher-suites.json, generated) and the SSLv2
// cipher kinds (ssl2-cipher-kinds.json, from the SSL 2.0 draft). Codes are "0x" + upper-case hex.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { CipherSuiteRef } from '../evidence/tls.js';

interface SuiteRow {
  code: string;
  name: string;
}

interface Tables {
  byName: Map<string, SuiteRow>;
  byCode: Map<number, SuiteRow>;
  ssl2: Map<number, SuiteRow>;
}

let tables: Tables | undefined;

function load<K extends string>(file: string, key: K): SuiteRow[] {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'tls', file), 'utf8')) as Record<K, SuiteRow[]>)[key];
}

function table(): Tables {
  if (!tables) {
    const suites = load('cipher-suites.json', 'suites');
    tables = {
      byName: new Map(suites.map((s) => [s.name, s])),
      byCode: new Map(suites.map((s) => [Number(s.code), s])),
      ssl2: new Map(load('ssl2-cipher-kinds.json', 'kinds').map((s) => [Number(s.code), s])),
    };
  }
  return tables;
}

/** Maps node:tls `getCipher().standardName` (the IANA name) to the registry code. */
export function suiteByName(name: string): CipherSuiteRef {
  return { code: table().byName.get(name)?.code ?? null, name };
}

/** "0x" and four (TLS) or six (SSLv2) upper-case hex digits. */
export function suiteCode(code: number, ssl2 = false): string {
  return `0x${code.toString(16).toUpperCase().padStart(ssl2 ? 6 : 4, '0')}`;
}

/** A TLS cipher suite by its 16-bit code; unregistered codes are named by their number. */
export function suiteRef(code: number): CipherSuiteRef {
  return { code: suiteCode(code), name: table().byCode.get(code)?.name ?? suiteCode(code) };
}

/** An SSLv2 cipher kind by its 24-bit code. */
export function ssl2KindRef(code: number): CipherSuiteRef {
  return { code: suiteCode(code, true), name: table().ssl2.get(code)?.name ?? suiteCode(code, true) };
}

/** Every registered TLS cipher suite (codes), in registry order. */
export function registeredSuites(): number[] {
  return [...table().byCode.keys()];
}

/** Every SSLv2 cipher kind of the SSL 2.0 draft (codes). */
export function ssl2Kinds(): number[] {
  return [...table().ssl2.keys()];
}
