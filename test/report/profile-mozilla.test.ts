import { describe, expect, it } from 'vitest';
import type { TlsVersionName } from '../../src/evidence/tls.js';
import { scoreMozilla } from '../../src/report/profile-mozilla.js';
import { endpoint, evidence, hsts, leaf, pki } from '../support/check-kit.js';

const V13 = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
const V12 = ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'];

interface Server {
  versions: Partial<Record<TlsVersionName, string[]>>;
  serverOrder?: boolean;
  groups?: string[];
  key?: { keyType: string; keySize: number; curve?: string; signatureAlgorithm: string };
  lifespanDays?: number;
  hstsMaxAge?: number;
}

function server(s: Server) {
  const protocols = (['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).map((version) => ({
    version,
    supported: s.versions[version] !== undefined,
    cipherSuites: (s.versions[version] ?? []).map((name) => ({ code: null, name })),
    serverOrder: s.serverOrder ?? false,
    groups: [],
    refusal: null,
    error: null,
    longHelloIntolerant: false,
    handshakes: 1,
  }));
  const key = s.key ?? { keyType: 'EC', keySize: 256, curve: 'P-256', signatureAlgorithm: 'ecdsa-with-SHA256' };
  return evidence({
    endpoints: [
      endpoint({
        tls: { negotiated: { version: 'TLSv1.3', cipherSuite: { code: null, name: V13[0]! }, alpn: null }, handshakeMs: 1, protocols, groups: (s.groups ?? ['x25519', 'secp256r1']).map((name, i) => ({ code: i, name })) },
        certificates: [{ ...leaf({ notBefore: -1, notAfter: (s.lifespanDays ?? 90) - 1 }), ...key }],
        pki: pki({}),
      }),
    ],
    http: { redirects: { http: [], https: [] }, hsts: hsts({ raw: ['x'], valid: true, maxAge: s.hstsMaxAge ?? 63072000 }) },
  });
}

const RSA = { keyType: 'RSA', keySize: 2048, signatureAlgorithm: 'sha256WithRSAEncryption' };
const HOST = 'site.example';
const score = (s: Server) => scoreMozilla(server(s), HOST);

describe('mozilla profile: the strictest configuration met and the exact differences from the next', () => {
  it('TLS 1.3 only, ECDSA P-256, X25519: modern', () => {
    const m = score({ versions: { 'TLSv1.3': V13 } });
    expect(m.mozilla).toMatchObject({ meets: 'modern', next: null, differences: [] });
    expect(m.overall).toBe(100);
  });

  it('adding TLS 1.2 with the intermediate suites: intermediate, differing from modern by TLS 1.2 only', () => {
    const m = score({ versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 } });
    expect(m.mozilla).toMatchObject({ meets: 'intermediate', next: 'modern', differences: ['offers TLS 1.2'] });
    expect(m.overall).toBe(80);
  });

  it('an RSA certificate also keeps it at intermediate', () => {
    const m = score({ versions: { 'TLSv1.3': V13 }, key: RSA });
    expect(m.mozilla).toMatchObject({ meets: 'intermediate', differences: ['certificate key is rsa (modern wants ecdsa)', 'certificate signed with sha256WithRSAEncryption (not in modern)'] });
  });

  it('TLS 1.1, a static-RSA CBC suite and server order with RSA: old, and what intermediate would need', () => {
    const m = score({
      versions: { 'TLSv1.1': ['TLS_RSA_WITH_AES_128_CBC_SHA'], 'TLSv1.2': [...V12, 'TLS_RSA_WITH_AES_128_CBC_SHA'], 'TLSv1.3': V13 },
      serverOrder: true,
      key: RSA,
    });
    expect(m.mozilla).toMatchObject({ meets: 'old', next: 'intermediate' });
    expect(m.mozilla!.differences).toEqual(['offers TLS 1.1', 'offers TLS_RSA_WITH_AES_128_CBC_SHA (not in intermediate)']);
    expect(m.overall).toBe(40);
  });

  it('old wants the server order: following the client is a difference', () => {
    const m = score({ versions: { 'TLSv1.1': ['TLS_RSA_WITH_AES_128_CBC_SHA'], 'TLSv1.2': V12 }, key: RSA });
    expect(m.mozilla!.meets).toBeNull();
    expect(m.mozilla!.byConfiguration['old']).toEqual([
      "does not enforce its TLS 1.1 suite order (old wants the server's order)",
      "does not enforce its TLS 1.2 suite order (old wants the server's order)",
    ]);
  });

  it('a missing X25519, an extra group, a short HSTS, a long lifespan and a small RSA key are each named', () => {
    const m = score({ versions: { 'TLSv1.3': V13 }, groups: ['secp256r1', 'secp521r1'], hstsMaxAge: 31536000, lifespanDays: 398, key: { ...RSA, keySize: 1024 } });
    expect(m.mozilla!.byConfiguration['intermediate']).toEqual([
      'offers group secp521r1 (not in intermediate)',
      'missing X25519',
      'RSA key of 1024 bits (intermediate wants at least 2048)',
      'certificate lifespan of 398 days (intermediate allows at most 366)',
      'HSTS max-age 31536000 (intermediate wants at least 63072000)',
    ]);
  });

  it('tells endpoints that share an address:port apart by their SNI name', () => {
    const ev = server({ versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 } });
    const ep = ev.endpoints[0]!;
    ev.endpoints.push({ ...ep, sni: 'shop.example' }, { ...ep, address: '192.0.2.2' });
    expect(scoreMozilla(ev, HOST).mozilla!.byConfiguration['modern']).toEqual([
      '192.0.2.1:443 (sni site.example): offers TLS 1.2',
      '192.0.2.1:443 (sni shop.example): offers TLS 1.2',
      '192.0.2.2:443: offers TLS 1.2',
    ]);
  });

  it('names the endpoint of a lone endpoint scanned under another name', () => {
    expect(scoreMozilla(server({ versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 } }), '192.0.2.1').mozilla!.differences).toEqual(['192.0.2.1:443 (sni site.example): offers TLS 1.2']);
  });
});
