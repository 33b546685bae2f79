import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/evidence/report.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { runCli } from '../support/run-cli.js';

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.stop();
});

async function scanJson(...args: string[]): Promise<Report> {
  const r = await runCli(['scan', ...args, '--world', lab.worldFile, '--checks', 'tls,certificate', '--format', 'json', '--timeout', '5']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Report;
}

describe('lab TLS configuration servers', () => {
  it('tls13-only: both certificates, each asked for by signature algorithm', async () => {
    const ep = (await scanJson('tls13-only.example.test')).targets[0]!.evidence.endpoints[0]!;
    expect(ep.chains!.map((c) => c.keyType)).toEqual(['ecdsa', 'rsa']);
    expect(ep.chains![0]!.certificates[0]!.der).toBe(ep.certificates![0]!.der);
    expect(ep.chains![1]!.certificates[0]!.der).not.toBe(ep.chains![0]!.certificates[0]!.der);
    expect(ep.chains!.every((c) => c.pki.trusted && c.pki.hostnameMatch)).toBe(true);
    expect(ep.tls!.protocols!.filter((p) => p.supported).map((p) => p.version)).toEqual(['TLSv1.3']);
    // TLS 1.3 only: signature schemes by handshake_failure; ALPN as the default handshake saw it.
    expect(ep.tls!.signatureSchemes).toMatchObject({ version: 'TLSv1.3', method: 'handshake-failure' });
    expect(ep.tls!.signatureSchemes!.schemes.map((s) => s.name)).toEqual(expect.arrayContaining(['ecdsa_secp256r1_sha256', 'rsa_pss_rsae_sha256']));
    expect(ep.tls!.alpn).toMatchObject({ selected: 'http/1.1', via: 'handshake' });
    expect(ep.tls!.extensions).toBeUndefined();
  });

  it('intermediate: TLS 1.2 and 1.3, client order, echoed extensions and ALPN from the ServerHello', async () => {
    const tls = (await scanJson('intermediate.example.test')).targets[0]!.evidence.endpoints[0]!.tls!;
    const v12 = tls.protocols!.find((p) => p.version === 'TLSv1.2')!;
    expect(tls.protocols!.filter((p) => p.supported).map((p) => p.version)).toEqual(['TLSv1.2', 'TLSv1.3']);
    // An ECDSA certificate leaves the three ECDHE-ECDSA suites of the Mozilla list.
    expect(v12.cipherSuites.map((s) => s.name).sort()).toEqual(
      ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'].sort(),
    );
    expect(v12.serverOrder).toBe(false);
    expect(tls.groups!.map((g) => g.name)).toEqual(expect.arrayContaining(['x25519', 'secp256r1', 'secp384r1']));
    expect(tls.extensions!.echoed.map((e) => e.name)).toEqual(expect.arrayContaining(['extended_master_secret', 'renegotiation_info', 'application_layer_protocol_negotiation']));
    expect(tls.alpn).toEqual({ selected: 'http/1.1', protocols: [{ name: 'h2', accepted: false }, { name: 'http/1.1', accepted: true }], via: 'server-hello' });
    expect(tls.signatureSchemes).toMatchObject({ version: 'TLSv1.2', method: 'server-key-exchange', error: null });
  });

  it('legacy-rsa: TLS 1.0 to 1.2 with static RSA, CBC and DHE, in the server order', async () => {
    const tls = (await scanJson('legacy-rsa.example.test')).targets[0]!.evidence.endpoints[0]!.tls!;
    expect(tls.protocols!.filter((p) => p.supported).map((p) => p.version)).toEqual(['TLSv1.0', 'TLSv1.1', 'TLSv1.2']);
    expect(tls.protocols!.find((p) => p.version === 'TLSv1.2')!.cipherSuites.map((s) => s.name)).toEqual([
      'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_RSA_WITH_AES_256_CBC_SHA',
      'TLS_RSA_WITH_AES_128_CBC_SHA256',
      'TLS_RSA_WITH_AES_256_CBC_SHA256',
      'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
      'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
    ]);
    expect(tls.signatureSchemes!.schemes.map((s) => s.name)).toContain('rsa_pkcs1_sha1');
  });

  it('responder hosts: enumeration evidence without a finished handshake', async () => {
    const ep = (await scanJson('ancient.example.test')).targets[0]!.evidence.endpoints[0]!;
    expect(ep.attempts['tls']!.status).toBe('error');
    expect(ep.tls!.negotiated).toBeUndefined();
    expect(ep.tls!.protocols!.filter((p) => p.supported).map((p) => p.version)).toEqual(['SSLv2', 'SSLv3', 'TLSv1.0']);
  });

  it('--sni: one endpoint per address and name, each enumerated and judged for its name', async () => {
    const t = (await scanJson('127.0.1.40', '--sni', 'tls13-only.example.test', '--sni', 'other.example.test')).targets[0]!;
    expect(t.evidence.endpoints.map((e) => [e.address, e.sni])).toEqual([
      ['127.0.1.40', 'tls13-only.example.test'],
      ['127.0.1.40', 'other.example.test'],
    ]);
    expect(t.evidence.endpoints.map((e) => e.pki!.hostnameMatch)).toEqual([true, false]);
    expect(t.evidence.endpoints.every((e) => e.tls!.protocols!.some((p) => p.supported))).toBe(true);
  });
});
