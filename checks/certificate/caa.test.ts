import check from './caa.js';
import type { CaaEvidence } from '../../src/evidence/caa.js';
import type { DnssecEvidence, DnssecRrset } from '../../src/evidence/dnssec.js';
import { checkCases, endpoint, evidence, leaf, pki } from '../../test/support/check-kit.js';

const le = { ...leaf({ notBefore: -1, notAfter: 89 }), issuer: "CN=R11, O=Let's Encrypt, C=US" };
const odd = { ...le, issuer: 'CN=Odd CA, O=Odd Org' };
const star = { ...le, san: { dns: ['*.example'], ip: [] } };

const caa = (records: CaaEvidence['records'], name: string | null = 'site.example'): CaaEvidence => ({ name, records, climbed: ['site.example'], rcode: 'NOERROR' });
const ev = (c: CaaEvidence | undefined, cert = le) =>
  evidence({ attempts: { tls: { status: 'ok' }, caa: { status: 'ok' } }, ...(c ? { caa: c } : {}), endpoints: [endpoint({ certificates: [cert], pki: pki() })] });
const issue = (value: string, tag = 'issue', flags = 0) => ({ flags, tag, value });

/** The CAA climb's RRsets as the caa stage adds them to evidence.dnssec.rrsets, beside the address records'. */
const rrset = (name: string, type: string, status: DnssecRrset['status']): DnssecRrset =>
  ({ name, type, status, reason: status === 'bogus' ? 'SIGNATURE_INVALID' : 'SECURE', ...(status === 'bogus' ? { message: `${name}/${type}: bad signature` } : {}) });
const signed = (addresses: DnssecEvidence['status'], ...rrsets: DnssecRrset[]): DnssecEvidence =>
  ({ status: addresses, reason: 'SECURE', anchor: 'configured', strictAlgorithms: false, chain: [], rrsets: [rrset('site.example.', 'A', addresses), ...rrsets], queries: 0 });
const climb = (c: CaaEvidence, d: DnssecEvidence) => ({ ...ev({ ...c, climbed: ['site.example', 'example'] }), dnssec: d });

checkCases(check, [
  ['permitted', ev(caa([issue('letsencrypt.org')])), ['permits-issuer']],
  ['permitted with parameters', ev(caa([issue('pki.goog'), issue('letsencrypt.org; validationmethods=dns-01')])), ['permits-issuer']],
  ['no records', ev(caa([], null)), ['no-caa']],
  ['only iodef', ev(caa([issue('mailto:sec@site.example', 'iodef')])), ['no-caa']],
  ['other CA only', ev(caa([issue('digicert.com')])), ['forbids-issuer']],
  ['no CA at all', ev(caa([issue(';')])), ['forbids-issuer']],
  ['wildcard leaf: issuewild governs', ev(caa([issue('letsencrypt.org'), issue('digicert.com', 'issuewild')]), star), ['forbids-issuer']],
  ['wildcard leaf: issue when no issuewild', ev(caa([issue('letsencrypt.org')]), star), ['permits-issuer']],
  ['exact name: issuewild ignored', ev(caa([issue(';', 'issuewild')])), ['no-caa']],
  ['unknown issuer', ev(caa([issue('letsencrypt.org')]), odd), ['issuer-unknown']],
  ['critical unknown tag', ev(caa([issue('letsencrypt.org'), issue('x', 'futuretag', 128)])), ['invalid']],
  ['malformed issue value', ev(caa([issue('not a domain!')])), ['invalid']],
  ['secure CAA answers', climb(caa([issue('letsencrypt.org')]), signed('secure', rrset('site.example.', 'CAA', 'secure'))), ['permits-issuer']],
  ['bogus denial below the relevant RRset', climb(caa([issue('letsencrypt.org')], 'example'), signed('secure', rrset('site.example.', 'CAA', 'bogus'), rrset('example.', 'CAA', 'secure'))), ['bogus']],
  ['bogus at two names: the climb stops at the first', climb(caa([], null), signed('secure', rrset('site.example.', 'CAA', 'bogus'), rrset('example.', 'CAA', 'bogus'))), ['bogus']],
  ['bogus CNAME link at a climbed name', climb(caa([], null), signed('secure', rrset('site.example.', 'CNAME', 'bogus'), rrset('example.', 'CAA', 'secure'))), ['bogus']],
  ['bogus CAA where the addresses are bogus too', climb(caa([], null), signed('bogus', rrset('site.example.', 'CAA', 'bogus'))), ['bogus-zone']],
  ['bogus address records alone say nothing of CAA', climb(caa([issue('letsencrypt.org')]), signed('bogus', rrset('site.example.', 'CAA', 'secure'))), ['permits-issuer']],
  ['no certificate', evidence({ attempts: { tls: { status: 'ok' }, caa: { status: 'ok' } }, caa: caa([issue('letsencrypt.org')]), endpoints: [endpoint()] }), []],
]);
