import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { CipherSuiteRef } from '../evidence/tls.js';

interface SuiteRow {
  code: string;
  name: string;
  recommended: string;
  reference: string;
}

let byName: Map<string, SuiteRow> | undefined;

function table(): Map<string, SuiteRow> {
  if (!byName) {
    const data = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'tls', 'cipher-suites.json'), 'utf8')) as { suites: SuiteRow[] };
    byName = new Map(data.suites.map((s) => [s.name, s]));
  }
  return byName;
}

/** Maps node:tls `getCipher().standardName` (the IANA name) to the registry code. */
export function suiteByName(name: string): CipherSuiteRef {
  return { code: table().get(name)?.code ?? null, name };
}
