/**
 * The lab's web hosts and DNS scenarios, each with the warn/fail finding ids it is built to produce.
 * The demo and the end-to-end tests compare a scan with `expect`: exactly these, nothing else.
 */
import type { LabTlsProfile } from './tls-profiles.js';

export type LabCert = 'good' | 'expired' | 'not-yet-valid' | 'wrong-name' | 'self-signed' | 'no-intermediate' | LabRevocationCert;
/** Certificates that exercise AIA, OCSP, CRLs and how the chain is sent (src/lab/lab-aia.ts, lab-ocsp.ts). */
export type LabRevocationCert = 'aia-only' | 'must-staple' | 'revoked' | 'stapled' | 'root-included' | 'wrong-order' | 'crl-revoked' | 'crl-good';

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
  /** A whole TLS configuration (versions, suites, DH, certificates) from src/lab/tls-profiles.ts. */
  tlsProfile?: LabTlsProfile;
  /** Extra certificate subject attributes and a Server header: hostile text for output-safety tests. */
  subject?: Array<Record<string, string[]>>;
  server?: string;
  /** A second address published for the name, served by its own web server with these differences. */
  twin?: Pick<LabWebHost, 'address'> & Partial<Pick<LabWebHost, 'sts' | 'http' | 'https'>>;
  expect: string[];
}

export interface LabDnsScenario {
  name: string;
  description: string;
  expect: string[];
}

export const GOOD_STS = ['max-age=63072000; includeSubDomains'];

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
  host(8, 'hsts-missing.example.test', 'no HSTS header; Server: nginx, so the fix carries an nginx snippet', { sts: [], server: 'nginx/1.26.2', expect: ['hsts.header.missing'] }),
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
  host(30, 'aia-only.example.test', 'leaf sent alone; its AIA caIssuers URL serves the intermediate', {
    cert: 'aia-only',
    expect: ['certificate.trust.completed-via-aia'],
  }),
  host(31, 'must-staple.example.test', 'OCSP must-staple leaf, but the server staples nothing', {
    cert: 'must-staple',
    expect: ['certificate.ocsp-stapling.must-staple-missing'],
  }),
  host(32, 'revoked.example.test', 'leaf the lab OCSP responder reports revoked', { cert: 'revoked', expect: ['certificate.revocation.revoked'] }),
  host(33, 'stapled.example.test', 'good chain with a stapled "good" OCSP response', { cert: 'stapled', expect: [] }),
  host(36, 'crl-revoked.example.test', 'leaf with a CRL distribution point and no OCSP URL, listed on the lab CRL', {
    cert: 'crl-revoked',
    expect: ['certificate.revocation.revoked'],
  }),
  host(37, 'crl-good.example.test', 'leaf with a CRL distribution point and no OCSP URL, not on the lab CRL', { cert: 'crl-good', expect: [] }),
  host(34, 'root-included.example.test', 'chain sent with the root (needless, not wrong: an info finding)', { cert: 'root-included', expect: [] }),
  host(35, 'wrong-order.example.test', 'leaf, root, then intermediate: browsers reorder it, strict clients do not', {
    cert: 'wrong-order',
    expect: ['certificate.chain-sent.wrong-order'],
  }),
  host(13, 'hostile.example.test', 'certificate fields and headers with terminal escapes, HTML and newlines', {
    subject: [
      { O: ['\u001b[31mEvil Corp\u001b[0m <script>alert(1)</script>'] },
      { OU: [`line one\nline two ]]> & 'single' \u2028 ${'x'.repeat(3000)}`] },
    ],
    server: '<script>alert("server")</script> & \u00e9',
    expect: [],
  }),
  // HTTPS records (src/lab/lab-https-rr.ts); the lab servers offer no ALPN, so h2 is a promise they break.
  host(60, 'https-rr.example.test', 'HTTPS record for this host with a matching ipv4hint', { expect: [] }),
  host(61, 'https-rr-broken.example.test', 'HTTPS records: one with keys out of order, one promising h2 with a stale ipv4hint', {
    expect: ['http.https-rr.invalid', 'http.https-rr.alpn-mismatch', 'http.https-rr.hint-mismatch'],
  }),
  host(66, 'https-rr-alias.example.test', 'HTTPS record in AliasMode to a name on the same server with a clean ServiceMode record', { expect: [] }),
  host(67, 'https-rr-loop.example.test', 'HTTPS record in AliasMode to a name that aliases back to it', { expect: ['http.https-rr.alias-loop'] }),
  host(68, 'https-rr-bogus.example.test', 'HTTPS record in AliasMode to a name whose HTTPS record has no RRSIG', { expect: ['http.https-rr.bogus'] }),
  // Every address is checked and the worst one counts: 127.0.1.63 serves plain HTTP and no HSTS.
  host(62, 'split-policy.example.test', 'two addresses; the second serves plain HTTP without HSTS', {
    twin: { address: '127.0.1.63', sts: [], http: 'content' },
    expect: ['hsts.header.missing', 'http.redirect.serves-http'],
  }),
  // Apex and www: each scan also probes the other name.
  host(64, 'shop.example.test', 'good site whose www.shop.example.test serves plain HTTP', { expect: ['http.counterpart.serves-http'] }),
  host(65, 'www.shop.example.test', 'plain HTTP content and no HSTS; its apex shop.example.test is fine', {
    http: 'content',
    sts: [],
    expect: ['http.redirect.serves-http', 'hsts.header.missing'],
  }),
  // TLS configurations (src/lab/tls-profiles.ts).
  host(40, 'tls13-only.example.test', 'TLS 1.3 only, with an ECDSA and an RSA certificate', { tlsProfile: 'tls13-dual', expect: [] }),
  host(41, 'intermediate.example.test', "Mozilla's intermediate configuration (TLS 1.2 and 1.3, client order)", { tlsProfile: 'intermediate', expect: [] }),
  host(42, 'legacy-rsa.example.test', 'TLS 1.0 to 1.2 with static RSA key exchange, CBC suites and 1024-bit DHE', {
    tlsProfile: 'legacy-rsa',
    leafKey: { rsaBits: 2048 },
    expect: ['tls.cipher-suites.cbc-only', 'tls.dh-group.common-prime', 'tls.protocols.tls10', 'tls.protocols.tls11'],
  }),
];

export const LAB_DNS_SCENARIOS: readonly LabDnsScenario[] = [
  // The alias inherits good.example.test's MX, but not its _mta-sts record.
  { name: 'www.example.test', description: 'CNAME to good.example.test', expect: ['mail.mta-sts.missing'] },
  { name: 'missing.example.test', description: 'name that does not exist', expect: ['dns.resolves.nxdomain'] },
  { name: 'www.broken.test', description: 'zone whose server answers SERVFAIL', expect: ['dns.resolves.servfail', 'dnssec.servers.lame'] },
  { name: 'mail-broken.example.test', description: 'MX and an MTA-STS record, but no policy served', expect: ['mail.mta-sts.invalid'] },
  // The DNSSEC scenarios point at the good web host, whose certificate names them too. Where the zone is
  // bogus, so is the denial of its TLSA records (a DANE client must not connect, RFC 6698 §4.1): that one
  // fault fails once, as dnssec.chain.bogus, with dane.https.bogus-zone as info.
  { name: 'www.insecure.test', description: 'unsigned delegation: test. proves with an opt-out NSEC3 span that there is no DS', expect: ['dnssec.chain.insecure'] },
  { name: 'www.expired-sig.test', description: 'zone whose signatures expired ten days ago', expect: ['dnssec.chain.bogus', 'dnssec.signature-expiry.expired'] },
  { name: 'www.bad-ds.test', description: 'DS in test. for a key the zone does not publish', expect: ['dnssec.chain.bogus'] },
  { name: 'www.no-rrsig.test', description: 'signed zone serving its A record without RRSIG', expect: ['dnssec.chain.bogus'] },
  { name: 'www.rsasha1.test', description: 'zone signed with RSASHA1 (algorithm 5): secure, but deprecated', expect: ['dnssec.algorithm.deprecated'] },
  { name: 'www.nsec3.test', description: 'zone denying with NSEC3, no extra iterations and no salt (RFC 9276)', expect: [] },
  { name: 'www.wild.test', description: 'name answered from the signed wildcard *.wild.test, with NSEC proof that it does not exist itself', expect: [] },
  { name: 'www.old.dname.test', description: 'name under a signed DNAME (old.dname.test to new.dname.test): the synthesized CNAME is checked against it', expect: [] },
  {
    name: 'www.nsec3-legacy.test',
    description: 'zone denying with NSEC3, 10 extra iterations and a salt, which RFC 9276 advises against',
    expect: ['dnssec.nsec3-parameters.not-recommended'],
  },
  // Per-server diagnosis (src/lab/lab-dns-diagnosis.ts): the chain validates, the servers tell the rest.
  { name: 'www.stale.test', description: 'secondary serving an older serial with older signatures', expect: ['dnssec.servers.inconsistent'] },
  { name: 'www.lame.test', description: 'secondary name server that answers REFUSED for the zone', expect: ['dnssec.servers.lame'] },
  { name: 'www.expiring.test', description: 'zone whose signatures expire in 3 days', expect: ['dnssec.signature-expiry.expires-soon'] },
  { name: 'www.cds-mismatch.test', description: 'CDS for a new KSK that the DS in test. does not list yet', expect: ['dnssec.cds.mismatch'] },
  // The DANE scenarios point at the good web host too (TLSA records: src/lab/lab-dane.ts).
  { name: 'dane-bad.example.test', description: 'TLSA 3 1 1 for a key the server does not have', expect: ['dane.https.invalid'] },
  {
    name: 'dane-fake-rollover.example.test',
    description: 'TLSA 3 1 1 and 3 0 1 that look like a rollover pair but name the same key',
    expect: ['dane.rollover.not-ready'],
  },
  // DANE scenarios in zones of their own (src/lab/lab-dane.ts), on the good web host unless said otherwise.
  // A single trust-anchor record is valid today, but not ready for the CA changing its intermediate.
  { name: 'ta.dane.test', description: 'TLSA 2 0 1 for the issuing intermediate only', expect: ['dane.rollover.not-ready'] },
  { name: 'root.dane.test', description: 'own web host that sends its root too; TLSA 2 0 1 for that root only', expect: ['dane.rollover.not-ready'] },
  { name: 'rollover.dane.test', description: 'TLSA 3 1 1 for the current key and 3 1 1 for the next key: rollover ready', expect: [] },
  { name: 'www.dane-insecure.test', description: 'TLSA records in an unsigned zone: clients ignore them', expect: ['dnssec.chain.insecure'] },
  // Only the TLSA RRset lacks its RRSIG: the addresses validate, the TLSA answer is bogus.
  { name: 'www.dane-bogus.test', description: 'signed zone serving its TLSA RRset without RRSIG', expect: ['dane.https.bogus'] },
  { name: 'mx-fail.dane.test', description: 'MX whose TLSA 3 1 1 names a key it does not have', expect: ['dane.mail.invalid', 'mail.mta-sts.missing'] },
  { name: 'no-starttls.dane.test', description: 'MX that does not offer STARTTLS', expect: ['mail.starttls.missing', 'mail.mta-sts.missing'] },
  { name: 'null-mx.dane.test', description: 'null MX (RFC 7505): accepts no mail', expect: [] },
  { name: 'mx-alias.dane.test', description: 'MX host name is a secure CNAME to mx.example.test, whose TLSA records apply', expect: ['mail.mta-sts.missing'] },
  { name: 'mx-insecure.dane.test', description: 'MX host in an unsigned zone: no DANE for it even with TLSA records', expect: ['mail.mta-sts.missing'] },
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
