// The lab's AIA, OCSP, CRL and chain-sending hosts, scanned by the real binary under the network guard:
// evidence and findings for each, and what --no-aia and --no-revocation change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, TargetResult } from '../../src/evidence/report.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { runCli } from '../support/run-cli.js';

const HOSTS = [
  'aia-only.example.test',
  'must-staple.example.test',
  'revoked.example.test',
  'stapled.example.test',
  'root-included.example.test',
  'wrong-order.example.test',
  'no-intermediate.example.test',
  'crl-revoked.example.test',
  'crl-good.example.test',
];

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.stop();
});

async function scanLab(extra: string[] = []): Promise<Report> {
  const r = await runCli(['scan', ...HOSTS, '--world', lab.worldFile, '--format', 'json', '--timeout', '5', '--checks', 'certificate', ...extra]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Report;
}

const target = (r: Report, host: string): TargetResult => r.targets.find((t) => t.host === host)!;
const ids = (r: Report, host: string): string[] => target(r, host).findings.map((f) => f.id);
const pkiOf = (r: Report, host: string) => target(r, host).evidence.endpoints[0]!.pki!;

describe('lab PKI hosts', () => {
  let report: Report;
  beforeAll(async () => {
    report = await scanLab();
  }, 90_000);

  it('completes a leaf-only chain from the AIA caIssuers URL, with a warning', () => {
    const pki = pkiOf(report, 'aia-only.example.test');
    expect(pki).toMatchObject({ trusted: true, completedViaAia: true, errors: [] });
    expect(pki.path).toHaveLength(3);
    expect(pki.aia).toEqual([{ url: 'http://aia.example.test/lab-intermediate.cer', outcome: 'ok', certificates: 1 }]);
    expect(ids(report, 'aia-only.example.test')).toContain('certificate.trust.completed-via-aia');
  });

  it('leaves a chain without an AIA URL incomplete', () => {
    expect(pkiOf(report, 'no-intermediate.example.test')).toMatchObject({ trusted: false, completedViaAia: false, errors: ['incomplete-chain'] });
    expect(ids(report, 'no-intermediate.example.test')).toContain('certificate.trust.incomplete-chain');
  });

  it('asks the OCSP responder and reports a revoked leaf', () => {
    const pki = pkiOf(report, 'revoked.example.test');
    expect(pki.revocation).toEqual({ status: 'revoked', source: 'responder', mustStaple: false, stapled: false, ocspUrls: ['http://ocsp.example.test/'], crlUrls: [], reason: null });
    expect(pki.ocsp).toMatchObject({ source: 'responder', certStatus: 'revoked', revocationReason: 'keyCompromise', signer: 'issuer', errors: [] });
    expect(ids(report, 'revoked.example.test')).toEqual(expect.arrayContaining(['certificate.revocation.revoked', 'certificate.ocsp-stapling.not-stapled']));
  });

  it('falls back to the CRL for a leaf without an OCSP URL', () => {
    const revoked = pkiOf(report, 'crl-revoked.example.test');
    const crl = 'http://aia.example.test/lab-intermediate.crl';
    expect(revoked.revocation).toMatchObject({ status: 'revoked', source: 'crl', ocspUrls: [], crlUrls: [crl], reason: null });
    expect(revoked.revocation!.crl).toMatchObject({ url: crl, outcome: 'ok', signatureValid: true, revocationReason: 'keyCompromise' });
    // The lab CRL lists every revoked lab leaf: this one and revoked.example.test's.
    expect(revoked.revocation!.crl!.entries).toBe(2);
    expect(revoked.ocsp).toBeNull();
    expect(ids(report, 'crl-revoked.example.test')).toContain('certificate.revocation.revoked');
    expect(pkiOf(report, 'crl-good.example.test').revocation).toMatchObject({ status: 'good', source: 'crl', crl: { outcome: 'ok', revocationTime: null } });
    expect(ids(report, 'crl-good.example.test')).toContain('certificate.revocation.good');
  });

  it('judges a stapled good response', () => {
    const pki = pkiOf(report, 'stapled.example.test');
    expect(pki.revocation).toMatchObject({ status: 'good', source: 'staple', stapled: true });
    expect(pki.ocsp).toMatchObject({ source: 'staple', certStatus: 'good', signer: 'issuer', errors: [] });
    expect(ids(report, 'stapled.example.test')).toEqual(expect.arrayContaining(['certificate.revocation.good', 'certificate.ocsp-stapling.stapled']));
  });

  it('fails a must-staple leaf served without a staple, though the responder says good', () => {
    expect(pkiOf(report, 'must-staple.example.test').revocation).toMatchObject({ status: 'good', source: 'responder', mustStaple: true, stapled: false });
    expect(ids(report, 'must-staple.example.test')).toEqual(expect.arrayContaining(['certificate.ocsp-stapling.must-staple-missing', 'certificate.revocation.good']));
  });

  it('reads the chain as sent: a root sent along, and the wrong order node:tls hides', () => {
    const inOrder = pkiOf(report, 'root-included.example.test');
    expect(inOrder.trusted).toBe(true);
    expect(inOrder.sentChain).toEqual({ fingerprints: inOrder.path, inOrder: true, rootSent: true, unused: [] });
    expect(ids(report, 'root-included.example.test')).toContain('certificate.chain-sent.root-included');
    const shuffled = pkiOf(report, 'wrong-order.example.test');
    expect(shuffled.trusted).toBe(true);
    expect(shuffled.sentChain).toEqual({ fingerprints: [shuffled.path[0], shuffled.path[2], shuffled.path[1]], inOrder: false, rootSent: true, unused: [] });
    expect(ids(report, 'wrong-order.example.test')).toEqual(expect.arrayContaining(['certificate.chain-sent.wrong-order', 'certificate.chain-sent.root-included']));
    expect(pkiOf(report, 'stapled.example.test').sentChain).toMatchObject({ inOrder: true, rootSent: false, unused: [] });
  });

  it('counts no SCTs for lab certificates and calls CT not required under the lab root', () => {
    expect(pkiOf(report, 'stapled.example.test')).toMatchObject({ scts: 0, sctList: [] });
    expect(ids(report, 'stapled.example.test')).toContain('certificate.transparency.private-root');
  });
});

describe('--no-aia and --no-revocation', () => {
  it('turn the downloads off', async () => {
    const report = await scanLab(['--no-aia', '--no-revocation']);
    expect(pkiOf(report, 'aia-only.example.test')).toMatchObject({ trusted: false, completedViaAia: false, errors: ['incomplete-chain'] });
    expect(pkiOf(report, 'aia-only.example.test').aia).toBeUndefined();
    expect(pkiOf(report, 'revoked.example.test').revocation).toMatchObject({ status: 'not-checked', reason: 'disabled' });
    expect(pkiOf(report, 'crl-revoked.example.test').revocation).toMatchObject({ status: 'not-checked', reason: 'disabled' });
    expect(pkiOf(report, 'crl-revoked.example.test').revocation!.crl).toBeUndefined();
    // A staple is still judged: it costs no extra connection.
    expect(pkiOf(report, 'stapled.example.test').revocation).toMatchObject({ status: 'good', source: 'staple' });
  }, 90_000);
});
