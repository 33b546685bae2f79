/**
 * The lab's web hosts and DNS scenarios, each with the warn/fail finding ids it is built to produce.
 * The demo and the end-to-end tests compare a scan with `expect`: exactly these, nothing else.
 */
export type LabCert = 'good' | 'expired' | 'not-yet-valid' | 'wrong-name' | 'self-signed' | 'no-intermediate';

export interface LabWebHost {
  name: string;
  description: string;
  /** Logical IPv4 address published in DNS; the port map sends its :443 and :80 to lab ports. */
  address: string;
  cert: LabCert;
  /** Strict-Transport-Security headers sent on HTTPS, in order. */
  sts: string[];
  /** Plain-HTTP listener: redirect to https on the same host, or serve content. */
  http: 'redirect' | 'content';
  /** What HTTPS answers: the page, or a broken redirect pattern. */
  https?: 'page' | 'loop' | 'downgrade' | 'long-chain';
  /** Leaf key and signature when not the default ECDSA P-256 / SHA-256. */
  leafKey?: { rsaBits: number } | { sha1: true };
  /** /.well-known/security.txt: current (the default) or expired. */
  securityTxt?: 'current' | 'expired';
  maxVersion?: 'TLSv1' | 'TLSv1.2' | 'TLSv1.3';
  /** Extra certificate subject attributes and a Server header: hostile text for output-safety tests. */
  subject?: Array<Record<string, string[]>>;
  server?: string;
  expect: string[];
}

export interface LabDnsScenario {
  name: string;
  description: string;
  expect: string[];
}

const GOOD_STS = ['max-age=63072000; includeSubDomains'];

function host(n: number, name: string, description: string, parts: Partial<LabWebHost> & { expect: string[] }): LabWebHost {
  return { name, description, address: `127.0.1.${n}`, cert: 'good', sts: GOOD_STS, http: 'redirect', ...parts };
}

export const LAB_WEB_HOSTS: readonly LabWebHost[] = [
  host(1, 'good.example.test', 'good chain, TLS 1.3, HSTS two years, HTTP redirects to HTTPS', { expect: [] }),
  host(2, 'expired.example.test', 'leaf expired 30 days ago', { cert: 'expired', expect: ['certificate.expiry.expired'] }),
  host(3, 'not-yet-valid.example.test', 'leaf valid only from next week', {
    cert: 'not-yet-valid',
    expect: ['certificate.expiry.not-yet-valid'],
  }),
  host(4, 'wrong-name.example.test', 'certificate for another name', { cert: 'wrong-name', expect: ['certificate.hostname.mismatch'] }),
  host(5, 'self-signed.example.test', 'self-signed leaf', { cert: 'self-signed', expect: ['certificate.trust.self-signed'] }),
  host(6, 'no-intermediate.example.test', 'leaf sent without its intermediate', {
    cert: 'no-intermediate',
    expect: ['certificate.trust.incomplete-chain'],
  }),
  host(7, 'hsts-short.example.test', 'HSTS max-age of five minutes', { sts: ['max-age=300'], expect: ['hsts.header.too-short'] }),
  host(8, 'hsts-missing.example.test', 'no HSTS header', { sts: [], expect: ['hsts.header.missing'] }),
  host(9, 'hsts-malformed.example.test', 'HSTS max-age that is not a number', {
    sts: ['max-age=forever'],
    expect: ['hsts.header.invalid'],
  }),
  host(10, 'hsts-duplicate.example.test', 'two HSTS headers', {
    sts: [...GOOD_STS, 'max-age=0'],
    expect: ['hsts.header.multiple-headers'],
  }),
  host(11, 'no-redirect.example.test', 'plain HTTP serves the site without redirecting', {
    http: 'content',
    expect: ['http.redirect.serves-http'],
  }),
  host(12, 'legacy.example.test', 'TLS 1.0 only, CBC suites only', {
    maxVersion: 'TLSv1',
    expect: ['tls.protocol-version.legacy', 'tls.protocols.tls10', 'tls.cipher-suites.cbc-only'],
  }),
  host(14, 'redirect-loop.example.test', 'HTTPS redirects in a circle', { https: 'loop', expect: ['http.https-chain.loop'] }),
  host(15, 'downgrade.example.test', 'HTTPS redirects to plain HTTP', { https: 'downgrade', expect: ['http.https-chain.downgrade'] }),
  host(16, 'long-chain.example.test', 'HTTPS redirects 25 times', {
    https: 'long-chain',
    expect: ['http.https-chain.too-many-redirects'],
  }),
  host(17, 'stale-security-txt.example.test', 'security.txt that expired last month', {
    securityTxt: 'expired',
    expect: ['http.security-txt.expired'],
  }),
  host(18, 'weak-key.example.test', 'RSA 1024-bit leaf', { leafKey: { rsaBits: 1024 }, expect: ['certificate.key-strength.weak-key'] }),
  host(19, 'sha1.example.test', 'leaf signed with ECDSA and SHA-1', {
    leafKey: { sha1: true },
    expect: ['certificate.signature-algorithm.weak-hash'],
  }),
  host(20, 'rsa2048.example.test', 'RSA 2048-bit leaf (fine, below the 128-bit level)', { leafKey: { rsaBits: 2048 }, expect: [] }),
  host(13, 'hostile.example.test', 'certificate fields and headers with terminal escapes, HTML and newlines', {
    subject: [
      { O: ['\u001b[31mEvil Corp\u001b[0m <script>alert(1)</script>'] },
      { OU: [`line one\nline two ]]> & 'single' \u2028 ${'x'.repeat(3000)}`] },
    ],
    server: '<script>alert("server")</script> & \u00e9',
    expect: [],
  }),
];

export const LAB_DNS_SCENARIOS: readonly LabDnsScenario[] = [
  // The alias inherits good.example.test's MX, but not its _mta-sts record.
  { name: 'www.example.test', description: 'CNAME to good.example.test', expect: ['mail.mta-sts.missing'] },
  { name: 'missing.example.test', description: 'name that does not exist', expect: ['dns.resolves.nxdomain'] },
  { name: 'www.broken.test', description: 'zone whose server answers SERVFAIL', expect: ['dns.resolves.servfail'] },
  { name: 'mail-broken.example.test', description: 'MX and an MTA-STS record, but no policy served', expect: ['mail.mta-sts.invalid'] },
  // The DNSSEC scenarios point at the good web host, whose certificate names them too. Where the zone is
  // bogus, so is the denial of its TLSA records, and a DANE client must not connect (RFC 6698 §4.1).
  { name: 'www.insecure.test', description: 'unsigned delegation: test. proves with NSEC that there is no DS', expect: ['dnssec.chain.insecure'] },
  { name: 'www.expired-sig.test', description: 'zone whose signatures expired ten days ago', expect: ['dnssec.chain.bogus', 'dane.https.bogus'] },
  { name: 'www.bad-ds.test', description: 'DS in test. for a key the zone does not publish', expect: ['dnssec.chain.bogus', 'dane.https.bogus'] },
  { name: 'www.no-rrsig.test', description: 'signed zone serving its A record without RRSIG', expect: ['dnssec.chain.bogus'] },
  { name: 'www.rsasha1.test', description: 'zone signed with RSASHA1 (algorithm 5): secure, but deprecated', expect: ['dnssec.algorithm.deprecated'] },
  // The DANE scenarios point at the good web host too (TLSA records: src/lab/lab-dane.ts).
  { name: 'dane-bad.example.test', description: 'TLSA 3 1 1 for a key the server does not have', expect: ['dane.https.invalid'] },
  {
    name: 'dane-fake-rollover.example.test',
    description: 'TLSA 3 1 1 and 3 0 1 that look like a rollover pair but name the same key',
    expect: ['dane.rollover.not-ready'],
  },
  // Served by the good web host with its lab certificate, while its CAA record permits another CA only.
  { name: 'caa-forbid.example.test', description: 'CAA record permitting only ca.example, not the lab CA', expect: ['certificate.caa.forbids-issuer'] },
];

/** Names served by the good web host (its certificate lists them all). */
export const GOOD_HOST_NAMES: readonly string[] = [
  'good.example.test',
  'www.example.test',
  'mta-sts.good.example.test',
  'mail-broken.example.test',
  'dane-bad.example.test',
  'dane-fake-rollover.example.test',
  'caa-forbid.example.test',
  ...LAB_DNS_SCENARIOS.filter((s) => !s.name.endsWith('example.test') && s.name !== 'www.broken.test').map((s) => s.name),
];
