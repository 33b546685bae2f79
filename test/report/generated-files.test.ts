import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportSchema } from '../../src/evidence/schema.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { suiteByName } from '../../src/tls/cipher-suites.js';
import { cipherSuiteTable } from '../../scripts/gen-cipher-suites.mjs';

const read = (...p: string[]) => readFileSync(join(PACKAGE_ROOT, ...p), 'utf8');

describe('generated files are up to date (npm run gen)', () => {
  it('schema/report.schema.json comes from the TypeBox definitions', () => {
    expect(read('schema', 'report.schema.json')).toBe(renderReportSchema());
  });

  it('src/tls/cipher-suites.json comes from the IANA registry mirror', () => {
    expect(JSON.parse(read('src', 'tls', 'cipher-suites.json'))).toEqual(cipherSuiteTable());
  });
});

describe('cipher-suite table', () => {
  it.each([
    ['TLS_AES_128_GCM_SHA256', '0x1301'],
    ['TLS_CHACHA20_POLY1305_SHA256', '0x1303'],
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', '0xC02F'],
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', '0x000A'],
    ['TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', '0xC00A'],
  ])('%s is %s', (name, code) => expect(suiteByName(name)).toEqual({ code, name }));

  it('keeps unknown names with a null code rather than guessing', () => {
    expect(suiteByName('NOT_A_SUITE')).toEqual({ code: null, name: 'NOT_A_SUITE' });
  });
});
