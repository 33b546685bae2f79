import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/evidence/report.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { runCli } from '../support/run-cli.js';

// The lab's DANE scenarios (src/lab/lab-dane.ts): the evidence behind each verdict, beyond the
// finding ids the end-to-end test compares.
const HOSTS = ['mx-alias.dane.test', 'mx-insecure.dane.test', 'null-mx.dane.test', 'www.dane-bogus.test', 'root.dane.test', 'rollover.dane.test'];

let lab: Lab;
let report: Report;

beforeAll(async () => {
  lab = await startLab();
  const r = await runCli(['scan', ...HOSTS, '--world', lab.worldFile, '--checks', 'dane,mail.starttls,dnssec', '--format', 'json', '--timeout', '5'], 180_000);
  report = JSON.parse(r.stdout) as Report;
}, 240_000);

afterAll(async () => {
  await lab?.stop();
});

const dane = (host: string) => report.targets.find((t) => t.host === host)!.evidence.dane!;

describe('lab DANE scenarios', () => {
  it('follows a secure CNAME from the MX host name to the TLSA records of its target', () => {
    expect(dane('mx-alias.dane.test').mail[0]).toMatchObject({
      mx: 'alias.dane.test',
      expanded: { name: 'mx.example.test', secure: true },
      tlsaName: '_25._tcp.mx.example.test.',
      verdict: 'valid',
      rolloverReady: true,
    });
  });

  it('gives no DANE to an MX whose addresses are not signed, although it publishes TLSA records', () => {
    const mx = dane('mx-insecure.dane.test').mail[0]!;
    expect([mx.addressDnssec, mx.dnssec, mx.verdict, mx.records.length]).toEqual(['insecure', 'insecure', 'insecure', 1]);
    expect(mx.endpoints[0]).toMatchObject({ address: '127.0.25.4', starttls: true });
  });

  it('understands a null MX', () => {
    expect(dane('null-mx.dane.test')).toMatchObject({ mail: [], nullMx: true });
  });

  it('fails a TLSA RRset without signature while the addresses validate', () => {
    const t = report.targets.find((x) => x.host === 'www.dane-bogus.test')!;
    expect([t.evidence.dnssec?.status, dane('www.dane-bogus.test').https?.verdict]).toEqual(['secure', 'bogus']);
  });

  it('lists every RRset the DANE verdicts rest on, with its DNSSEC status, in evidence.dnssec.rrsets', () => {
    const rrsets = (host: string) => report.targets.find((t) => t.host === host)!.evidence.dnssec!.rrsets.map((r) => `${r.name} ${r.type} ${r.status}`);
    expect(rrsets('www.dane-bogus.test')).toContain('_443._tcp.www.dane-bogus.test. TLSA bogus');
    expect(rrsets('mx-alias.dane.test')).toEqual(expect.arrayContaining([
      'mx-alias.dane.test. MX secure',
      'alias.dane.test. CNAME secure',
      'mx.example.test. A secure',
      '_25._tcp.mx.example.test. TLSA secure',
    ]));
    expect(rrsets('mx-insecure.dane.test')).toEqual(expect.arrayContaining(['mx-insecure.dane.test. MX secure']));
  });

  it('matches 2 0 1 on a root the server sends, at depth 2', () => {
    expect(dane('root.dane.test').https).toMatchObject({ verdict: 'valid', depth: 2, rollover: { ready: false, code: 'single-record' } });
  });

  it('calls a current key plus a next key rollover ready, and looks ahead to the expiry', () => {
    const https = dane('rollover.dane.test').https!;
    expect([https.verdict, https.rolloverReady, https.rollover.code]).toEqual(['valid', true, 'next-key']);
    expect(Date.parse(https.expiry!)).toBeGreaterThan(Date.parse(report.startedAt));
  });
});
