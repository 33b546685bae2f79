import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TlsPolicy } from '../../src/lab/tls-responder-answer.js';
import type { HelloVersion } from '../../src/tls/client-hello-builder.js';
import { ssl2Kinds, suiteRef } from '../../src/tls/cipher-suites.js';
import { suiteProperties } from '../../src/tls/suite-properties.js';
import { suitesFor } from '../../src/probes/tls/offers.js';
import { enumeratePolicy, summary } from './support.js';

const ALL: Array<'SSLv2' | HelloVersion> = ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const X25519 = 29;
const P256 = 23;
const P384 = 24;
const X448 = 30;
const X25519MLKEM768 = 0x11ec;

const isEcdhe = (code: number) => suiteProperties(suiteRef(code).name).kx.startsWith('ECDHE_');
const EC_LIMIT = 256;

/**
 * What enumeration must find for a policy. TLS ≤ 1.2 hellos offer elliptic curves only, so ECDHE suites
 * need a policy curve below 256; groups are reported for TLS 1.3 and for the highest legacy version with ECDHE.
 */
function expected(policy: TlsPolicy) {
  const curves = policy.groups.filter((g) => g < EC_LIMIT);
  const served = (v: 'SSLv2' | HelloVersion) => policy.versions.includes(v);
  const usable = (v: HelloVersion) =>
    (policy.suites[v] ?? []).filter((s) => suitesFor(v).includes(s) && (v === 'TLSv1.3' ? policy.groups.length > 0 : !isEcdhe(s) || curves.length > 0));
  const ecdheVersion = [...ALL].reverse().find((v): v is HelloVersion => v !== 'SSLv2' && v !== 'TLSv1.3' && served(v) && usable(v).some(isEcdhe));
  return ALL.map((version) => {
    const offered = version === 'SSLv2' ? ssl2Kinds() : suitesFor(version);
    const list = !served(version) ? [] : version === 'SSLv2' ? (policy.ssl2Kinds ?? []).filter((k) => offered.includes(k)) : usable(version);
    const suites = policy.serverOrder ? list : offered.filter((s) => list.includes(s));
    const groups = version === 'TLSv1.3' && suites.length > 0 ? policy.groups : version === ecdheVersion ? curves : [];
    return {
      version,
      supported: suites.length > 0,
      suites,
      serverOrder: version === 'SSLv2' || suites.length < 2 ? null : policy.serverOrder,
      groups,
      error: null,
    };
  });
}

const WEAK: TlsPolicy = {
  versions: ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.2'],
  ssl2Kinds: [0x0700c0, 0x010080, 0x020080],
  suites: {
    SSLv3: [0x0005, 0x000a, 0x0003],
    'TLSv1.0': [0xc014, 0x0005, 0x000a, 0x0008, 0x0018, 0x0002],
    'TLSv1.2': [0xc02f, 0xc030, 0x009c, 0x003c, 0x000a, 0x0005, 0x0001],
  },
  serverOrder: true,
  groups: [P384, P256],
};

describe('enumeration against the scripted responder', () => {
  it('finds every weak suite of a legacy policy, in server order, and the TLS 1.2 curves', async () => {
    const { found, connections } = await enumeratePolicy(WEAK);
    expect(summary(found)).toEqual(expected(WEAK));
    expect(found.connections).toBe(connections);
    expect(found.protocols.find((p) => p.version === 'TLSv1.1')!.refusal).toBe('version:TLSv1.0');
    expect(found.protocols.find((p) => p.version === 'TLSv1.3')!.refusal).toBe('alert:protocol_version');
  });

  it('names SSLv2 kinds and TLS suites with their codes', async () => {
    const { found } = await enumeratePolicy(WEAK);
    expect(found.protocols[0]!.cipherSuites).toEqual([
      { code: '0x0700C0', name: 'SSL_CK_DES_192_EDE3_CBC_WITH_MD5' },
      { code: '0x010080', name: 'SSL_CK_RC4_128_WITH_MD5' },
      { code: '0x020080', name: 'SSL_CK_RC4_128_EXPORT40_WITH_MD5' },
    ]);
    expect(found.protocols[4]!.cipherSuites[0]).toEqual({ code: '0xC02F', name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' });
  });

  it('finds TLS 1.3 suites and groups, post-quantum hybrids included, through HelloRetryRequest', async () => {
    const policy: TlsPolicy = {
      versions: ['TLSv1.2', 'TLSv1.3'],
      suites: { 'TLSv1.3': [0x1302, 0x1303, 0x1301], 'TLSv1.2': [0xc02f] },
      serverOrder: true,
      groups: [X25519MLKEM768, X448, X25519, P256],
    };
    const { found } = await enumeratePolicy(policy);
    expect(summary(found)).toEqual(expected(policy));
    expect(found.groups.map((g) => g.name)).toEqual(['X25519MLKEM768', 'x448', 'x25519', 'secp256r1']);
  });

  it('reports client order when the server follows the client', async () => {
    const policy: TlsPolicy = { versions: ['TLSv1.2'], suites: { 'TLSv1.2': [0x009c, 0xc030, 0xc02f] }, serverOrder: false, groups: [P256] };
    const { found } = await enumeratePolicy(policy);
    expect(summary(found)).toEqual(expected(policy));
    expect(found.protocols[4]!.serverOrder).toBe(false);
  });

  it('falls back to short hellos for a server that drops long ones', async () => {
    const policy: TlsPolicy = { versions: ['TLSv1.2'], suites: { 'TLSv1.2': [0xc02f, 0x009c] }, serverOrder: true, groups: [P256], maxHelloSuites: 40 };
    const { found } = await enumeratePolicy(policy);
    const tls12 = found.protocols[4]!;
    expect(tls12).toMatchObject({ supported: true, serverOrder: true, longHelloIntolerant: true });
    expect(tls12.cipherSuites.map((s) => s.code)).toEqual(['0xC02F', '0x009C']);
  });

  it('merges bundles: suites found in different hellos of 128 are ranked together', async () => {
    const all = suitesFor('TLSv1.2');
    const policy: TlsPolicy = { versions: ['TLSv1.2'], suites: { 'TLSv1.2': [all[300]!, all[5]!, all[200]!, all[140]!] }, serverOrder: true, groups: [P256] };
    const { found } = await enumeratePolicy(policy);
    expect(summary(found)).toEqual(expected(policy));
  });

  it('costs Σ(accepted + 1) hellos per version, not one per known suite', async () => {
    const policy: TlsPolicy = { versions: ['TLSv1.2'], suites: { 'TLSv1.2': [0x009c, 0x009d] }, serverOrder: true, groups: [] };
    const { found } = await enumeratePolicy(policy);
    // TLS 1.2: 2 picks, 1 refusal per bundle of 128 (3 bundles), 1 order check; other versions one refusal each.
    expect(found.protocols.map((p) => p.handshakes)).toEqual([1, 1, 1, 1, 2 + 3 + 1, 1]);
  });

  it('property: for random policies the accepted sets, orders and groups equal the configured ones', async () => {
    const tls12Pool = [0xc02f, 0xc030, 0xc02b, 0xc02c, 0xcca8, 0x009c, 0x009d, 0x002f, 0x0035, 0x000a, 0x0005, 0x0004, 0x0003, 0x0001, 0x0018, 0xc013, 0xc014, 0x0033, 0x0039, 0x0008];
    const legacyPool = tls12Pool.filter((s) => ![0xc02f, 0xc030, 0xc02b, 0xc02c, 0xcca8, 0x009c, 0x009d].includes(s));
    const subset = (pool: number[]) => fc.shuffledSubarray(pool, { minLength: 0, maxLength: 8 });
    const policy = fc.record({
      versions: fc.subarray(ALL),
      ssl2Kinds: fc.shuffledSubarray(ssl2Kinds()),
      suites: fc.record({
        SSLv3: subset(legacyPool),
        'TLSv1.0': subset(legacyPool),
        'TLSv1.1': subset(legacyPool),
        'TLSv1.2': subset(tls12Pool),
        'TLSv1.3': fc.shuffledSubarray([0x1301, 0x1302, 0x1303, 0x1304, 0x1305]),
      }),
      serverOrder: fc.boolean(),
      groups: fc.shuffledSubarray([X25519, P256, P384, X448, X25519MLKEM768, 256]),
    });
    await fc.assert(
      fc.asyncProperty(policy, async (p) => {
        const { found, connections } = await enumeratePolicy(p);
        expect(summary(found)).toEqual(expected(p));
        expect(found.connections).toBe(connections);
      }),
      { numRuns: 30 },
    );
  });
});
