// badssl.com archived production chains (fixtures/corpora/badssl, see its SOURCE.md), each
// validated at its leaf's notBefore + 1 day against Node's Mozilla store.
//
// Roots: the DigiCert and COMODO chains reach roots in Node's store. The known-bad-root cases
// (superfish, edellroot, dsdtestprovider) use the roots the corpus ships in certs/known-bad-roots/.
// Four chains need roots that are in neither, so they are limited to the findings that do not
// depend on trust: sha1-2016 and sha1-intermediate end at the expired, removed AddTrust External
// CA Root ('incomplete-chain' here; their SHA-1 signatures are still found), invalid-expected-sct
// at the removed GeoTrust Global CA (its SCT finding is not decidable here anyway), and fallback
// is issued by badssl's private root (its name mismatch is still found).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { parseCertificate } from '../../src/pki/cert-fields.js';
import type { ChainError } from '../../src/pki/chain-errors.js';
import { parsePemCertificates, trustStore } from '../../src/pki/trust-store.js';
import { validateChain, type ChainValidation } from '../../src/pki/validate-chain.js';

interface BadsslCase {
  subdomain: string;
  findings: string[];
  archived_chain: string | null;
}

const DAY = 86_400_000;
const dir = join(PACKAGE_ROOT, 'fixtures', 'corpora', 'badssl');
const read = (path: string) => parsePemCertificates(readFileSync(join(dir, path), 'utf8'));
const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: BadsslCase[] }).cases.filter((c) => c.archived_chain !== null);
const badRoots = ['ca-dsdtestprovider', 'ca-edellroot', 'ca-mitm-software', 'ca-preact-cli', 'ca-superfish', 'ca-webpack-dev-server'].flatMap((n) => read(`certs/known-bad-roots/${n}.crt`));
const badRootFps = new Set(badRoots.map((der) => parseCertificate(der).sha256));

/** Host names for rows whose `subdomain` is a description rather than one label. */
const HOSTS: Record<string, string> = {
  'fallback (no SNI / unknown name)': 'unknown-subdomain.badssl.com',
  'invalid-expected-sct (defunct)': 'invalid-expected-sct.badssl.com',
  "spoofed-favicon, lock-title, long-*-subdomain names, xn--n1aae7f7o (IDN 'ѕрооғ')": 'xn--n1aae7f7o.badssl.com',
};
const hostOf = (c: BadsslCase) => HOSTS[c.subdomain] ?? `${c.subdomain}.badssl.com`;

interface Outcome {
  store: ChainValidation;
  /** The same chain with the corpus's known-bad roots trusted as well. */
  withBadRoots: ChainValidation;
}
const outcomes = new Map<string, Outcome>();

beforeAll(async () => {
  for (const c of cases) {
    const chain = read(c.archived_chain!);
    const now = new Date(parseCertificate(chain[0]!).notBefore.getTime() + DAY);
    const run = (roots: Uint8Array[]) => validateChain({ chain, roots, host: hostOf(c), now });
    outcomes.set(c.subdomain, { store: await run(trustStore()), withBadRoots: await run([...trustStore(), ...badRoots]) });
  }
}, 60_000);

// Exact errors against Node's store at notBefore + 1 day.
const EXACT: Record<string, ChainError[]> = {
  expired: [], // valid on the day after issuance; it was served after its 3-day validity ended
  'wrong.host': ['hostname-mismatch'],
  'self-signed': ['self-signed', 'bad-extended-key-usage'], // no EKU either
  revoked: [], // revocation needs OCSP or a CRL, which are not in the corpus
  'no-common-name': [],
  'no-subject': [],
  'incomplete-chain': ['incomplete-chain'],
  sha256: [],
  sha384: [],
  sha512: [],
  '1000-sans': [],
  '10000-sans': [],
  ecc256: [],
  ecc384: [],
  rsa2048: [],
  rsa4096: [],
  rsa8192: [],
  'extended-validation': [],
  'fallback (no SNI / unknown name)': ['incomplete-chain', 'bad-extended-key-usage', 'missing-key-identifier', 'hostname-mismatch'],
  'no-sct': [],
  'invalid-expected-sct (defunct)': ['incomplete-chain'], // GeoTrust Global CA is gone from the store
  'preloaded-expect-ct': [],
  superfish: ['incomplete-chain', 'bad-extended-key-usage', 'missing-key-identifier'],
  edellroot: ['incomplete-chain', 'bad-extended-key-usage', 'missing-key-identifier'],
  dsdtestprovider: ['incomplete-chain', 'bad-extended-key-usage', 'missing-key-identifier'],
  'captive-portal': ['hostname-mismatch'],
  'sha1-2016': ['incomplete-chain', 'weak-signature'],
  'sha1-2017': ['weak-signature'],
  'sha1-intermediate': ['incomplete-chain', 'weak-signature'],
  // COMODO put the U-label in the CN and the A-label in the SAN: no character copy (BRs §7.1.4.3).
  "spoofed-favicon, lock-title, long-*-subdomain names, xn--n1aae7f7o (IDN 'ѕрооғ')": ['common-name-not-in-san'],
};

/** cases.json finding codes a path validation can decide, and how. */
const DECIDABLE: Record<string, (o: Outcome, leaf: ReturnType<typeof parseCertificate>) => boolean> = {
  ok: (o) => o.store.trusted && o.store.hostnameMatch,
  'cert.name_mismatch': (o) => !o.store.hostnameMatch,
  'cert.self_signed': (o) => o.store.errors.includes('self-signed'),
  'chain.untrusted': (o) => !o.store.trusted,
  'chain.incomplete': (o) => o.store.errors.includes('incomplete-chain'),
  'cert.sha1_signature': (o) => o.store.details.some((d) => d.code === 'weak-signature' && d.depth === 0),
  'chain.sha1_intermediate': (o) => o.store.details.some((d) => d.code === 'weak-signature' && d.depth === 1),
  // Those roots fail the root profile themselves (SHA-1, RSA-1024, no SKI), so the path is still
  // untrusted; what matters is that it ends at one of them.
  'chain.known_bad_root': (o) => !o.store.trusted && badRootFps.has(o.withBadRoots.path.at(-1)!),
  'info.no_common_name': (_, leaf) => leaf.commonNames.length === 0,
  'info.empty_subject': (_, leaf) => leaf.subjectEmpty && leaf.extensions.some((e) => e.oid === '2.5.29.17' && e.critical),
  'info.large_rsa_key': (_, leaf) => (leaf.rsaModulusBits ?? 0) > 4096,
};
/** Codes that need more than the chain at one instant. */
const UNDECIDABLE = new Set([
  'cert.expired', // depends on when the host was scanned: every archived chain has expired by now
  'cert.revoked', // OCSP/CRL
  'ct.no_sct', // SCTs are not read yet
  'ct.invalid_sct',
  'info.expect_ct', // an HTTP header
  'info.ev', // certificate policies are not read
  'info.oversized_certificate', // a transport fact
  'info.idn_homograph', // a display fact
]);

describe('badssl archived chains', () => {
  it('every archived chain has an expectation', () => {
    expect(Object.keys(EXACT).sort()).toEqual(cases.map((c) => c.subdomain).sort());
    for (const c of cases) for (const f of c.findings) expect(f in DECIDABLE || UNDECIDABLE.has(f), f).toBe(true);
  });

  it.each(cases.map((c) => [c.subdomain, c] as const))('%s: exact errors', (name) => {
    expect(outcomes.get(name)!.store.errors).toEqual(EXACT[name]);
  });

  it('expired: its 3-day leaf is expired the second after notAfter', async () => {
    const chain = read('certs/prod-chains/wildcard-expired.pem');
    const now = new Date(parseCertificate(chain[0]!).notAfter.getTime() + 1000);
    expect((await validateChain({ chain, roots: trustStore(), host: 'expired.badssl.com', now })).details).toEqual([{ code: 'expired', depth: 0 }]);
  });

  it('classification agrees with cases.json', () => {
    const agreeing = cases.filter((c) => {
      const o = outcomes.get(c.subdomain)!;
      const leaf = parseCertificate(read(c.archived_chain!)[0]!);
      const derived = new Set(Object.keys(DECIDABLE).filter((code) => DECIDABLE[code]!(o, leaf)));
      // Every decidable finding the file names is found; a case it calls ok gets no problem finding.
      const named = c.findings.filter((f) => f in DECIDABLE);
      return named.every((f) => derived.has(f)) && (!c.findings.includes('ok') || [...derived].every((f) => f === 'ok' || f.startsWith('info.')));
    });
    console.log(`badssl: ${agreeing.length}/${cases.length} archived chains classified as cases.json says`);
    expect(agreeing.map((c) => c.subdomain)).toEqual(cases.map((c) => c.subdomain));
  });
});
