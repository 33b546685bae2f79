import { describe, expect, it } from 'vitest';
import type { TargetEvidence, EndpointEvidence } from '../../src/evidence/target.js';
import type { TlsVersionName } from '../../src/evidence/tls.js';
import { gradeTarget } from '../../src/report/tls-grade.js';
import { endpoint, evidence, hsts, leaf, pki } from '../support/check-kit.js';

const V13 = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const V12 = ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'];

interface Server {
  versions: Partial<Record<TlsVersionName, string[]>>;
  key?: { keyType: string; keySize: number; curve?: string };
  groups?: string[];
  hstsMaxAge?: number | null;
  pki?: Parameters<typeof pki>[0];
  signature?: string;
}

function server(s: Server): TargetEvidence {
  const protocols = (['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).map((version) => ({
    version,
    supported: s.versions[version] !== undefined,
    cipherSuites: (s.versions[version] ?? []).map((name) => ({ code: null, name })),
    serverOrder: true,
    groups: [],
    refusal: null,
    error: null,
    longHelloIntolerant: false,
    handshakes: 1,
  }));
  const key = s.key ?? { keyType: 'RSA', keySize: 2048 };
  const ep: EndpointEvidence = endpoint({
    tls: {
      negotiated: { version: 'TLSv1.3', cipherSuite: { code: null, name: V13[0]! }, alpn: null },
      handshakeMs: 1,
      protocols,
      groups: (s.groups ?? ['x25519']).map((name, i) => ({ code: i, name })),
    },
    certificates: [{ ...leaf({ notBefore: -1, notAfter: 60 }), ...key, signatureAlgorithm: s.signature ?? 'sha256WithRSAEncryption' }],
    pki: pki(s.pki ?? {}),
  });
  const maxAge = s.hstsMaxAge === undefined ? 31536000 : s.hstsMaxAge;
  return evidence({
    endpoints: [ep],
    http: { redirects: { http: [], https: [] }, hsts: maxAge === null ? null : hsts({ raw: [`max-age=${maxAge}`], valid: true, maxAge }) },
  });
}

const grade = (s: Server) => gradeTarget(server(s));

describe('SSL Labs rating guide, worked examples (tls-anchors §2.2)', () => {
  it('TLS 1.2+1.3, RSA-2048, AES-128/256: 100/90/90 -> 93 -> A, A+ with long HSTS', () => {
    const g = grade({ versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 } });
    expect(g.endpoints[0]).toMatchObject({ protocol: 100, keyExchange: 90, cipher: 90, numeric: 93, caps: [], warnings: [] });
    expect(g.grade).toBe('A+');
  });

  it('adding TLS 1.0 caps at B (2009q) although the score stays an A', () => {
    const g = grade({ versions: { 'TLSv1.0': ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'], 'TLSv1.2': V12, 'TLSv1.3': V13 } });
    expect(g.endpoints[0]!.numeric).toBeGreaterThanOrEqual(80);
    expect(g.grade).toBe('B');
    expect(g.endpoints[0]!.caps.map((c) => c.id)).toEqual(['tls10-11']);
  });

  it('RSA-4096 with P-384 and AES-256 only scores 100', () => {
    const g = grade({ versions: { 'TLSv1.3': ['TLS_AES_256_GCM_SHA384'] }, key: { keyType: 'RSA', keySize: 4096 }, groups: ['secp384r1'] });
    expect(g.endpoints[0]).toMatchObject({ protocol: 100, keyExchange: 100, cipher: 100, numeric: 100 });
    expect(g.grade).toBe('A+');
  });
});

describe('caps, warnings and trust', () => {
  it.each([
    ['SSLv2 offered', { versions: { SSLv2: ['SSL_CK_RC4_128_WITH_MD5'], 'TLSv1.2': V12, 'TLSv1.3': V13 } }, 'F'],
    ['RC4 offered', { versions: { 'TLSv1.2': [...V12, 'TLS_ECDHE_RSA_WITH_RC4_128_SHA'], 'TLSv1.3': V13 } }, 'C'],
    ['3DES with TLS 1.2 (Sweet32)', { versions: { 'TLSv1.2': [...V12, 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA'], 'TLSv1.3': V13 } }, 'C'],
    ['RSA key exchange (no forward secrecy)', { versions: { 'TLSv1.2': [...V12, 'TLS_RSA_WITH_AES_128_GCM_SHA256'], 'TLSv1.3': V13 } }, 'B'],
    ['no TLS 1.2', { versions: { 'TLSv1.0': ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'] } }, 'C'],
    ['RSA-1024 key', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, key: { keyType: 'RSA', keySize: 1024 } }, 'B'],
    ['RSA-512 key', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, key: { keyType: 'RSA', keySize: 512 } }, 'F'],
    ['export suites', { versions: { 'TLSv1.2': [...V12, 'TLS_RSA_EXPORT_WITH_RC4_40_MD5'], 'TLSv1.3': V13 } }, 'F'],
    ['no TLS 1.3: warning', { versions: { 'TLSv1.2': V12 } }, 'A-'],
    ['no HSTS: warning', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, hstsMaxAge: null }, 'A-'],
    ['short HSTS: warning', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, hstsMaxAge: 86400 }, 'A-'],
    ['self-signed', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, pki: { trusted: false, errors: ['self-signed'] } }, 'T'],
    ['name mismatch', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, pki: { hostnameMatch: false, errors: ['hostname-mismatch'] } }, 'M'],
    ['SHA-1 leaf', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, signature: 'sha1WithRSAEncryption' }, 'T'],
    ['MD5 leaf', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, signature: 'md5WithRSAEncryption', pki: { trusted: false, errors: ['weak-signature'] } }, 'F'],
  ] as Array<[string, Server, string]>)('%s -> %s', (_label, s, want) => expect(grade(s).grade).toBe(want));

  it('keeps the grade that trust problems hide', () => {
    const g = grade({ versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, pki: { trusted: false, errors: ['expired'] } });
    expect([g.grade, g.gradeTrustIgnored]).toEqual(['T', 'A+']);
  });

  it('has no grade without enumeration evidence, and says why', () => {
    const g = gradeTarget(evidence({ endpoints: [endpoint()] }));
    expect(g.grade).toBeNull();
    expect(g.reason).toMatch(/enumerated/);
    expect(g.notEvaluated.length).toBeGreaterThan(0);
  });

  it('grades the worst endpoint', () => {
    const good = server({ versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 } });
    const old = server({ versions: { 'TLSv1.0': ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'], 'TLSv1.2': V12 } });
    const both = { ...good, endpoints: [good.endpoints[0]!, { ...old.endpoints[0]!, address: '192.0.2.2' }] };
    expect(gradeTarget(both).grade).toBe('B');
  });
});
