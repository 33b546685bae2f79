import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signatureSchemeTable, tlsGroupTable } from '../../scripts/gen-tls-registries.mjs';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { alertDescriptionName, extensionName, groupName, isGrease, signatureSchemeName } from '../../src/tls/registry.js';
import { versionName } from '../../src/tls/protocol-versions.js';

const json = (file: string): unknown => JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'tls', file), 'utf8'));

describe('TLS registries', () => {
  it('groups.json and signature-schemes.json are what scripts/gen-tls-registries.mjs generates', () => {
    expect(json('groups.json')).toEqual(tlsGroupTable());
    expect(json('signature-schemes.json')).toEqual(signatureSchemeTable());
    expect([tlsGroupTable().groups.length, signatureSchemeTable().schemes.length]).toEqual([56, 37]);
  });

  it.each([
    ['group', groupName, 29, 'x25519'],
    ['group', groupName, 4588, 'X25519MLKEM768'],
    ['group', groupName, 256, 'ffdhe2048'],
    ['group', groupName, 42, null],
    ['group', groupName, 0x2a2a, 'GREASE'],
    ['scheme', signatureSchemeName, 0x0804, 'rsa_pss_rsae_sha256'],
    ['scheme', signatureSchemeName, 0x0202, null],
    ['extension', extensionName, 0xff01, 'renegotiation_info'],
    ['extension', extensionName, 13172, 'next_protocol_negotiation'],
    ['extension', extensionName, 0xfafa, 'GREASE'],
    ['extension', extensionName, 0x4469, null],
    ['alert', alertDescriptionName, 86, 'inappropriate_fallback'],
    ['alert', alertDescriptionName, 1, null],
  ] as const)('%s %i → %s', (_, lookup, code, want) => {
    expect(lookup(code)).toBe(want);
  });

  it('recognises exactly the 16 GREASE values', () => {
    const all = Array.from({ length: 0x10000 }, (_, i) => i).filter(isGrease);
    expect(all).toEqual(Array.from({ length: 16 }, (_, i) => 0x0a0a + i * 0x1010));
  });

  it('names protocol versions as the evidence does', () => {
    expect([0x0002, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x7f1c, 0x0a0a].map(versionName)).toEqual(['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3', null, null]);
  });
});
