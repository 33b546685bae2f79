import { describe, expect, it } from 'vitest';
import type { TargetEvidence, EndpointEvidence } from '../../src/evidence/target.js';
import type { TlsVersionName } from '../../src/evidence/tls.js';
import type { RevocationEvidence } from '../../src/evidence/certificate.js';
import type { TlsVulnerabilityId } from '../../src/evidence/tls-vulnerabilities.js';
import { gradeTarget, type GradingMode } from '../../src/report/tls-grade.js';
import { simulateHandshakes } from '../../src/report/simulate-handshake.js';
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
  /** false: the server follows the client's order (default true). */
  serverOrder?: boolean;
  /** Weaknesses a probe found (vulnerable: true), and the DHE prime size when one was seen. */
  weak?: TlsVulnerabilityId[];
  dhBits?: number;
  revoked?: boolean;
}

function server(s: Server): TargetEvidence {
  const protocols = (['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).map((version) => ({
    version,
    supported: s.versions[version] !== undefined,
    cipherSuites: (s.versions[version] ?? []).map((name) => ({ code: null, name })),
    serverOrder: s.serverOrder ?? true,
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
      vulnerabilities: [
        ...(s.weak ?? []).map((id) => ({ id, vulnerable: true, how: 'tested' as const, detail: '', connections: 1 })),
        ...(s.dhBits === undefined ? [] : [{ id: 'dh-group' as const, vulnerable: false, how: 'tested' as const, detail: '', connections: 1, groupBits: s.dhBits }]),
      ],
    },
    certificates: [{ ...leaf({ notBefore: -1, notAfter: 60 }), ...key, signatureAlgorithm: s.signature ?? 'sha256WithRSAEncryption' }],
    pki: { ...pki(s.pki ?? {}), ...(s.revoked ? { revocation: revocation('revoked') } : {}) },
  });
  const maxAge = s.hstsMaxAge === undefined ? 31536000 : s.hstsMaxAge;
  return evidence({
    endpoints: [ep],
    http: { redirects: { http: [], https: [] }, hsts: maxAge === null ? null : hsts({ raw: [`max-age=${maxAge}`], valid: true, maxAge }) },
  });
}

const HOST = 'site.example';
const grade = (s: Server, mode: GradingMode = 'offered') => gradeTarget(server(s), HOST, mode);

function revocation(status: RevocationEvidence['status']): RevocationEvidence {
  return { status, source: 'responder', mustStaple: false, stapled: false, ocspUrls: ['http://ocsp.example/'], reason: null };
}

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
    ['Heartbleed', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, weak: ['heartbleed'] }, 'F'],
    ['CCS injection', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, weak: ['ccs-injection'] }, 'F'],
    ['Ticketbleed', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, weak: ['ticketbleed'] }, 'F'],
    ['ROBOT', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, weak: ['robot'] }, 'F'],
    ['TLS compression (CRIME)', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, weak: ['compression'] }, 'C'],
    ['no secure renegotiation: warning', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, weak: ['secure-renegotiation'] }, 'A-'],
    ['client renegotiation without RFC 5746', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, weak: ['secure-renegotiation', 'client-renegotiation'] }, 'F'],
    ['SSLv3 with CBC (POODLE)', { versions: { SSLv3: ['TLS_RSA_WITH_AES_128_CBC_SHA'], 'TLSv1.2': V12, 'TLSv1.3': V13 } }, 'C'],
    ['DHE with a 1024-bit prime', { versions: { 'TLSv1.2': [...V12, 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'], 'TLSv1.3': V13 }, dhBits: 1024 }, 'B'],
    ['DHE with a 768-bit prime', { versions: { 'TLSv1.2': [...V12, 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'], 'TLSv1.3': V13 }, dhBits: 768 }, 'F'],
    ['revoked leaf', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, revoked: true }, 'T'],
    ['MD5 leaf', { versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, signature: 'md5WithRSAEncryption', pki: { trusted: false, errors: ['weak-signature'] } }, 'F'],
  ] as Array<[string, Server, string]>)('%s -> %s', (_label, s, want) => expect(grade(s).grade).toBe(want));

  it('keeps the grade that trust problems hide', () => {
    const g = grade({ versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 }, pki: { trusted: false, errors: ['expired'] } });
    expect([g.grade, g.gradeTrustIgnored]).toEqual(['T', 'A+']);
  });

  it('has no grade without enumeration evidence, and says why', () => {
    const g = gradeTarget(evidence({ endpoints: [endpoint()] }), HOST);
    expect(g.grade).toBeNull();
    expect(g.reason).toMatch(/enumerated/);
    expect(g.notEvaluated.length).toBeGreaterThan(0);
  });

  it('grades the worst endpoint', () => {
    const good = server({ versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 } });
    const old = server({ versions: { 'TLSv1.0': ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'], 'TLSv1.2': V12 } });
    const both = { ...good, endpoints: [good.endpoints[0]!, { ...old.endpoints[0]!, address: '192.0.2.2' }] };
    expect(gradeTarget(both, HOST).grade).toBe('B');
  });

  it('labels an endpoint with its SNI name by the rule of findings', () => {
    const good = server({ versions: { 'TLSv1.2': V12, 'TLSv1.3': V13 } });
    const old = server({ versions: { 'TLSv1.0': ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'], 'TLSv1.2': V12 } });
    const where = (ev: TargetEvidence, host = HOST) => gradeTarget(ev, host).endpoints.map((e) => [e.endpoint, e.sni, e.grade]);
    expect(where(good)).toEqual([['192.0.2.1:443', undefined, 'A+']]);
    expect(where(good, '192.0.2.1')).toEqual([['192.0.2.1:443', 'site.example', 'A+']]);
    const shared = { ...good, endpoints: [good.endpoints[0]!, { ...old.endpoints[0]!, sni: 'shop.example' }, { ...good.endpoints[0]!, address: '192.0.2.2' }] };
    expect(where(shared)).toEqual([
      ['192.0.2.1:443', 'site.example', 'A+'],
      ['192.0.2.1:443', 'shop.example', 'B'],
      ['192.0.2.2:443', undefined, 'A+'],
    ]);
  });
});

const capIds = (s: Server, mode: GradingMode) => grade(s, mode).endpoints[0]!.caps.map((c) => c.id);

describe('simulated grading mode: caps only for what a reference client negotiates (2009p, B16/B18)', () => {
  const RSA_KX = 'TLS_RSA_WITH_AES_128_GCM_SHA256';
  const TDES = 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA';
  const both = (s: Server) => [grade(s, 'offered').grade, grade(s, 'simulated').grade];

  it('a non-FS suite at the end of the server order: offered B, simulated A+ (no client ends up on it)', () => {
    const s: Server = { versions: { 'TLSv1.2': [...V12, RSA_KX], 'TLSv1.3': V13 } };
    expect(both(s)).toEqual(['B', 'A+']);
    expect(grade(s, 'simulated').mode).toBe('simulated');
  });

  it('3DES kept last in the server order: offered C, simulated A+ (B16)', () => {
    expect(both({ versions: { 'TLSv1.2': [...V12, TDES], 'TLSv1.3': V13 } })).toEqual(['C', 'A+']);
  });

  it('3DES first in the server order without TLS 1.3: Safari negotiates it, so both modes cap at C and name the client', () => {
    const s: Server = { versions: { 'TLSv1.2': [TDES, ...V12] } };
    expect(both(s)).toEqual(['C', 'C']);
    const cap = grade(s, 'simulated').endpoints[0]!.caps.find((c) => c.id === 'block64-tls11')!;
    expect(cap.reason).toContain('Safari 18 / macOS 15');
    expect(cap.reason).not.toContain('Chrome');
  });

  it('RSA key exchange preferred: with the server order every client takes it (B); with the client order none does', () => {
    expect(both({ versions: { 'TLSv1.2': [RSA_KX, ...V12] } })).toEqual(['B', 'B']);
    expect(both({ versions: { 'TLSv1.2': [RSA_KX, ...V12] }, serverOrder: false })).toEqual(['B', 'A-']);
  });

  it('CBC preferred over GCM: offered sees an AEAD suite (A-), simulated sees clients negotiate CBC (B)', () => {
    const s: Server = { versions: { 'TLSv1.2': ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'] } };
    expect(both(s)).toEqual(['A-', 'B']);
    expect(capIds(s, 'simulated')).toEqual(['no-aead']);
  });

  it('offered and simulated agree on caps that do not depend on suites (protocol versions)', () => {
    const s: Server = { versions: { 'TLSv1.0': ['TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'], 'TLSv1.2': V12, 'TLSv1.3': V13 } };
    expect(both(s)).toEqual(['B', 'B']);
    expect(capIds(s, 'simulated')).toEqual(['tls10-11']);
  });
});

describe('handshake simulation', () => {
  const sim = (s: Server) => Object.fromEntries(simulateHandshakes(server(s).endpoints[0]!).map((h) => [h.client, h]));

  it('server order: every client gets the server\'s first suite it offers; client order: its own first', () => {
    const byServer = sim({ versions: { 'TLSv1.3': V13 } });
    expect(byServer['Firefox 133']).toMatchObject({ version: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', group: 'x25519', forwardSecrecy: true, aead: true });
    const byClient = sim({ versions: { 'TLSv1.3': [...V13].reverse() }, serverOrder: false });
    expect(byClient['Firefox 133']).toMatchObject({ cipherSuite: 'TLS_AES_128_GCM_SHA256' });
    expect(byClient['Java 21']).toMatchObject({ cipherSuite: 'TLS_AES_256_GCM_SHA384' });
    expect(sim({ versions: { 'TLSv1.3': [...V13].reverse() } })['Java 21']).toMatchObject({ cipherSuite: 'TLS_CHACHA20_POLY1305_SHA256' });
  });

  it('the client\'s most preferred group the server accepted; none in common fails TLS 1.3', () => {
    expect(sim({ versions: { 'TLSv1.3': V13 }, groups: ['secp384r1', 'x25519'] })['Chrome 131']).toMatchObject({ group: 'x25519' });
    const ffdhe = sim({ versions: { 'TLSv1.3': V13 }, groups: ['ffdhe2048'] });
    expect(ffdhe['Chrome 131']).toEqual({ client: 'Chrome 131', failure: 'no-common-group' });
    expect(ffdhe['Firefox 133']).toMatchObject({ group: 'ffdhe2048' });
  });

  it('a P-521 ECDSA certificate: clients without ecdsa_secp521r1_sha512 cannot verify it in TLS 1.3', () => {
    const p521 = sim({ versions: { 'TLSv1.3': V13 }, key: { keyType: 'EC', keySize: 521, curve: 'P-521' } });
    expect(p521['Chrome 131']).toEqual({ client: 'Chrome 131', failure: 'no-common-signature' });
    expect(p521['Firefox 133']).toMatchObject({ version: 'TLSv1.3' });
  });

  it('a TLS 1.0-only server: no reference client connects, so no suite cap comes from them', () => {
    const s: Server = { versions: { 'TLSv1.0': ['TLS_RSA_WITH_AES_128_CBC_SHA'] } };
    expect(Object.values(sim(s)).every((h) => 'failure' in h && h.failure === 'no-common-version')).toBe(true);
    expect(capIds(s, 'simulated')).toEqual(['no-tls12', 'tls10-11']);
    expect(capIds(s, 'offered')).toEqual(['no-tls12', 'tls10-11', 'no-fs', 'no-aead']);
  });

  it('only suites the client offers count: no common suite is a failure, not a guess', () => {
    expect(sim({ versions: { 'TLSv1.2': ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'] } })['Chrome 131']).toEqual({ client: 'Chrome 131', failure: 'no-common-suite' });
    expect(sim({ versions: { 'TLSv1.2': ['TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'] } })['Java 17 (17.0.4+)']).toMatchObject({ group: null, forwardSecrecy: true });
  });
});
