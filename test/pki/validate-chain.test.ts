import { createHash, webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLabPki, type LabPki, type LeafOptions } from '../../src/lab/pki.js';
import { CHAIN_ERRORS } from '../../src/pki/chain-errors.js';
import { parsePemCertificates, trustStore } from '../../src/pki/trust-store.js';
import { validateChain } from '../../src/pki/validate-chain.js';
import { x509 } from '../../src/pki/x509.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const HOUR = 3_600_000;
const HOST = 'www.example.test';
const fp = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');

let lab: LabPki;
let other: LabPki; // same CA names, different keys
let good: Uint8Array[];

async function chainOf(opts: Partial<LeafOptions> = {}): Promise<Uint8Array[]> {
  const issued = await lab.issueLeaf({ names: [HOST], notBefore: new Date(NOW.getTime() - HOUR), notAfter: new Date(NOW.getTime() + 90 * 24 * HOUR), ...opts });
  return parsePemCertificates(issued.chainPem);
}

/** root → one intermediate per entry of `cas` (with those extensions) → leaf for HOST, all with SKI and AKI. */
async function customChain(cas: x509.Extension[][]): Promise<{ root: Uint8Array; chain: Uint8Array[] }> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keygen = async () => (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const validity = { notBefore: new Date(NOW.getTime() - HOUR), notAfter: new Date(NOW.getTime() + HOUR), signingAlgorithm: alg };
  let keys = await keygen();
  let issuer = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=custom 0',
    keys,
    ...validity,
    extensions: [...ca(), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
  });
  const root = new Uint8Array(issuer.rawData);
  const chain: Uint8Array[] = [];
  const leaf = [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: HOST }]), new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth])];
  for (const [i, extensions] of [...cas, leaf].entries()) {
    const next = await keygen();
    issuer = await x509.X509CertificateGenerator.create({
      subject: i === cas.length ? `CN=${HOST}` : `CN=custom ${i + 1}`,
      issuer: issuer.subjectName,
      publicKey: next.publicKey,
      signingKey: keys.privateKey,
      ...validity,
      extensions: [...extensions, await x509.SubjectKeyIdentifierExtension.create(next.publicKey), await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey)],
    });
    chain.unshift(new Uint8Array(issuer.rawData));
    keys = next;
  }
  return { root, chain };
}

const ca = () => [new x509.BasicConstraintsExtension(true, undefined, true)];

const validate = (chain: Uint8Array[], roots = [lab.rootDer], host = HOST) => validateChain({ chain, roots, host, now: NOW });

beforeAll(async () => {
  lab = await createLabPki(NOW);
  other = await createLabPki(NOW);
  good = await chainOf();
});

describe('validateChain with the lab root trusted', () => {
  it('good chain: trusted, full path leaf → anchor', async () => {
    const v = await validate(good);
    expect(v).toMatchObject({ trusted: true, errors: [], hostnameMatch: true, completedViaAia: false, validatedAt: NOW.toISOString() });
    expect(v.path).toEqual([fp(good[0]!), fp(lab.intermediateDer), fp(lab.rootDer)]);
  });

  it.each([
    ['expired', { notBefore: new Date(NOW.getTime() - 48 * HOUR), notAfter: new Date(NOW.getTime() - HOUR) }, ['expired']],
    ['not-yet-valid', { notBefore: new Date(NOW.getTime() + HOUR), notAfter: new Date(NOW.getTime() + 48 * HOUR) }, ['not-yet-valid']],
  ] as const)('%s leaf: not trusted', async (_, opts, errors) => {
    const v = await validate(await chainOf(opts));
    expect(v).toMatchObject({ trusted: false, errors, hostnameMatch: true });
    expect(v.details).toEqual([{ code: errors[0], depth: 0 }]);
    expect(v.path).toHaveLength(3);
  });

  it('notAfter is inclusive to the second', async () => {
    const chain = await chainOf({ notAfter: new Date(NOW.getTime() + 500) });
    expect((await validate(chain)).errors).toEqual([]);
  });

  it('wrong host: still trusted, hostname-mismatch', async () => {
    expect(await validate(good, [lab.rootDer], 'other.example.test')).toMatchObject({
      trusted: true,
      hostnameMatch: false,
      errors: ['hostname-mismatch'],
    });
  });

  it('no SAN: no-san and hostname-mismatch; its CN is then no copy of a SAN entry', async () => {
    const v = await validate(await chainOf({ names: [] }));
    expect(v).toMatchObject({ trusted: false, hostnameMatch: false, errors: ['common-name-not-in-san', 'no-san', 'hostname-mismatch'] });
  });

  it('IP SANs match IP targets', async () => {
    const chain = await chainOf({ names: ['127.0.0.1', '::1'] });
    expect((await validate(chain, [lab.rootDer], '::1')).hostnameMatch).toBe(true);
    expect((await validate(chain, [lab.rootDer], '127.0.0.1')).hostnameMatch).toBe(true);
    expect((await validate(chain, [lab.rootDer], '127.0.0.2')).hostnameMatch).toBe(false);
  });

  it('self-signed leaf: self-signed, unless it is itself a trust anchor', async () => {
    const chain = await chainOf({ selfSigned: true });
    expect(chain).toHaveLength(1);
    expect(await validate(chain)).toMatchObject({ trusted: false, errors: ['self-signed'], hostnameMatch: true, path: [fp(chain[0]!)] });
    expect(await validate(chain, [lab.rootDer, chain[0]!])).toMatchObject({ trusted: true, errors: [], path: [fp(chain[0]!)] });
  });

  it('missing intermediate: incomplete-chain', async () => {
    expect(await validate([good[0]!])).toMatchObject({ trusted: false, errors: ['incomplete-chain'], path: [fp(good[0]!)] });
  });

  it('wrong order and a sent root: trusted, ends at the store root', async () => {
    const v = await validate([good[0]!, lab.rootDer, lab.intermediateDer]);
    expect(v).toMatchObject({ trusted: true, errors: [] });
    expect(v.path).toEqual([fp(good[0]!), fp(lab.intermediateDer), fp(lab.rootDer)]);
  });

  it('extras and duplicates: trusted, shortest real path', async () => {
    const stranger = await other.issueLeaf({ names: [HOST], notBefore: NOW, notAfter: new Date(NOW.getTime() + HOUR) });
    const chain = [good[0]!, other.intermediateDer, lab.intermediateDer, lab.intermediateDer, stranger.der, good[0]!, other.rootDer];
    const v = await validate(chain);
    expect(v).toMatchObject({ trusted: true, errors: [] });
    expect(v.path).toHaveLength(3);
  });

  it('look-alike CA with the same names but other keys: incomplete-chain', async () => {
    expect(await validate(good, [other.rootDer])).toMatchObject({ trusted: false, errors: ['incomplete-chain'] });
  });

  it('tampered signature: bad-signature', async () => {
    const leaf = Uint8Array.from(good[0]!);
    leaf[leaf.length - 1]! ^= 0x01;
    const v = await validate([leaf, lab.intermediateDer]);
    expect(v).toMatchObject({ trusted: false, errors: ['bad-signature'] });
    expect(v.details).toEqual([{ code: 'bad-signature', depth: 0 }]);
  });
});

describe('validateChain edge inputs', () => {
  it('reports, never throws, for nothing or garbage', async () => {
    expect(await validate([])).toMatchObject({ trusted: false, errors: ['no-certificate'], hostnameMatch: false, path: [] });
    expect(await validate([new Uint8Array([0x30, 0x03, 1, 2])])).toMatchObject({ trusted: false, errors: ['malformed-certificate'], hostnameMatch: false });
  });

  it('ignores undecodable extras', async () => {
    expect((await validate([...good, new Uint8Array([1, 2, 3])])).trusted).toBe(true);
  });

  it('caps path depth: search-limit', async () => {
    const shallow = await customChain([ca(), ca(), ca()]);
    expect(await validate(shallow.chain, [shallow.root])).toMatchObject({ trusted: true, errors: [] });
    const deep = await customChain(Array.from({ length: 12 }, ca));
    const v = await validate(deep.chain, [deep.root]);
    expect(v).toMatchObject({ trusted: false, errors: ['search-limit'] });
    expect(v.path).toHaveLength(10);
  });

  it.each([
    ['issuer without keyCertSign', [...ca(), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature)], 'bad-key-usage'],
    ['issuer that is not a CA', [new x509.BasicConstraintsExtension(false)], 'issuer-not-ca'],
    ['issuer without basicConstraints', [], 'issuer-not-ca'],
  ] as const)('%s: %s', async (_, extensions, code) => {
    const custom = await customChain([[...extensions]]);
    const v = await validate(custom.chain, [custom.root]);
    expect(v).toMatchObject({ trusted: false, errors: [code] });
    expect(v.details).toEqual([{ code, depth: 1 }]);
  });

  it('MD5-signed self-signed leaf: self-signed, unverifiable-signature and weak-signature', async () => {
    const issued = await lab.issueLeaf({ names: [HOST], notBefore: NOW, notAfter: new Date(NOW.getTime() + HOUR), selfSigned: true, key: { algorithm: 'RSA', modulusLength: 2048 } });
    const der = Uint8Array.from(issued.der);
    const sha256WithRsa = Buffer.from('06092a864886f70d01010b', 'hex');
    for (let at = Buffer.from(der).indexOf(sha256WithRsa); at !== -1; at = Buffer.from(der).indexOf(sha256WithRsa, at + 1)) {
      der[at + sha256WithRsa.length - 1] = 0x04; // md5WithRSAEncryption
    }
    expect(await validate([der])).toMatchObject({ trusted: false, errors: ['self-signed', 'unverifiable-signature', 'weak-signature'] });
  });

  it('stays fast with 1000 sent certificates', async () => {
    const flood = Array.from({ length: 1000 }, (_, i) => (i % 2 ? other.intermediateDer : lab.rootDer));
    const started = Date.now();
    const v = await validate([good[0]!, ...flood, lab.intermediateDer], [other.rootDer]);
    expect(v.trusted).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('emits only declared codes', async () => {
    const v = await validate([good[0]!], [], 'nope.test');
    for (const code of v.errors) expect(CHAIN_ERRORS).toContain(code);
  });
});

describe("validateChain against Node's store alone", () => {
  // The lab root is unknown there. Without AIA a missing intermediate and an unsent private
  // root look the same, so leaf + intermediate is 'incomplete-chain'; sending the
  // (self-signed) lab root too turns it into 'untrusted-root'.
  it('leaf + intermediate: incomplete-chain', async () => {
    expect(await validate(good, trustStore())).toMatchObject({ trusted: false, errors: ['incomplete-chain'] });
  });

  it('leaf + intermediate + root: untrusted-root', async () => {
    const v = await validate([...good, lab.rootDer], trustStore());
    expect(v).toMatchObject({ trusted: false, errors: ['untrusted-root'] });
    expect(v.details).toEqual([{ code: 'untrusted-root', depth: 2 }]);
  });

  it('trusted once the lab root is added as an extra PEM', async () => {
    expect((await validate(good, trustStore([lab.rootPem]))).trusted).toBe(true);
  });
});
