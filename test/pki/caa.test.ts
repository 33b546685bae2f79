import { describe, expect, it } from 'vitest';
import { caaIssuer, climbNames, coversByWildcard, evaluateCaa, findRelevantCaa, issuerDomainOf, parseCaaRdata, type CaaAnswer } from '../../src/pki/caa.js';

const rdata = (flags: number, tag: string, value: string) => new Uint8Array([flags, tag.length, ...Buffer.from(tag, 'latin1'), ...Buffer.from(value)]);
const rec = (value: string, tag = 'issue', flags = 0) => ({ flags, tag, value });

describe('parseCaaRdata', () => {
  it('reads flags, tag and value', () => {
    expect(parseCaaRdata(rdata(128, 'issue', 'letsencrypt.org'))).toEqual({ flags: 128, tag: 'issue', value: 'letsencrypt.org' });
    expect(parseCaaRdata(rdata(0, 'iodef', ''))).toEqual({ flags: 0, tag: 'iodef', value: '' });
  });
  it.each([
    ['too short', new Uint8Array([0])],
    ['empty tag', new Uint8Array([0, 0, 0x61])],
    ['tag past the end', new Uint8Array([0, 9, 0x61])],
    ['tag not alphanumeric', rdata(0, 'is-sue', 'x')],
  ])('rejects %s', (_label, bytes) => expect(parseCaaRdata(bytes)).toBeNull());
});

describe('tree climbing (RFC 8659 §3)', () => {
  it('lists the name and its parents, not the root', () => {
    expect(climbNames('A.b.Example.COM.')).toEqual(['a.b.example.com', 'b.example.com', 'example.com', 'com']);
  });

  const zone = (sets: Record<string, CaaAnswer>) => async (name: string): Promise<CaaAnswer> => sets[name] ?? { rcode: 'NOERROR', records: [] };

  it('stops at the first non-empty RRset', async () => {
    const lookup = zone({ 'example.com': { rcode: 'NOERROR', records: [rec('ca.example')] }, com: { rcode: 'NOERROR', records: [rec('other.example')] } });
    expect(await findRelevantCaa('www.shop.example.com', lookup)).toEqual({
      name: 'example.com',
      records: [rec('ca.example')],
      climbed: ['www.shop.example.com', 'shop.example.com', 'example.com'],
      rcode: 'NOERROR',
    });
  });
  it('climbs past NXDOMAIN', async () => {
    const lookup = zone({ 'gone.example.com': { rcode: 'NXDOMAIN', records: [] }, 'example.com': { rcode: 'NOERROR', records: [rec('ca.example')] } });
    expect((await findRelevantCaa('gone.example.com', lookup)).name).toBe('example.com');
  });
  it('finds nothing up to the TLD', async () => {
    expect(await findRelevantCaa('a.example', zone({}))).toEqual({ name: null, records: [], climbed: ['a.example', 'example'], rcode: 'NOERROR' });
  });
  it('stops at a failed lookup', async () => {
    const lookup = zone({ 'example.com': { rcode: 'SERVFAIL', records: [], error: 'ENCSCAN_DNS_TIMEOUT' } });
    expect(await findRelevantCaa('a.example.com', lookup)).toEqual({
      name: null,
      records: [],
      climbed: ['a.example.com', 'example.com'],
      rcode: 'SERVFAIL',
      error: 'ENCSCAN_DNS_TIMEOUT',
    });
  });
});

describe('issuerDomainOf (RFC 8659 §4.2)', () => {
  it.each([
    ['letsencrypt.org', 'letsencrypt.org'],
    ['  LetsEncrypt.org. ', 'letsencrypt.org'],
    ['ca.example; account=123; validationmethods=dns-01', 'ca.example'],
    [';', ''],
    ['', ''],
    ['not a domain', null],
    ['-bad.example', null],
  ])('%j → %j', (value, want) => expect(issuerDomainOf(value)).toBe(want));
});

describe('evaluateCaa', () => {
  const le = ['letsencrypt.org'];
  it('no records or no issue property: any CA', () => {
    expect(evaluateCaa([], false, le)).toEqual({ kind: 'none' });
    expect(evaluateCaa([rec('mailto:a@b.example', 'iodef')], false, le)).toEqual({ kind: 'none' });
    expect(evaluateCaa([rec(';', 'issuewild')], false, le)).toEqual({ kind: 'none' });
  });
  it('permits or forbids the issuer', () => {
    expect(evaluateCaa([rec('digicert.com'), rec('LetsEncrypt.org')], false, le)).toEqual({ kind: 'permits', tag: 'issue', permitted: ['digicert.com', 'letsencrypt.org'] });
    expect(evaluateCaa([rec('digicert.com')], false, le)).toEqual({ kind: 'forbids', tag: 'issue', permitted: ['digicert.com'] });
    expect(evaluateCaa([rec(';')], false, le)).toEqual({ kind: 'forbids', tag: 'issue', permitted: [] });
  });
  it('tag names are case-insensitive', () => {
    expect(evaluateCaa([rec('letsencrypt.org', 'ISSUE')], false, le).kind).toBe('permits');
  });
  it('wildcards use issuewild when present, else issue', () => {
    expect(evaluateCaa([rec('letsencrypt.org'), rec(';', 'issuewild')], true, le)).toEqual({ kind: 'forbids', tag: 'issuewild', permitted: [] });
    expect(evaluateCaa([rec('letsencrypt.org'), rec(';', 'issuewild')], false, le).kind).toBe('permits');
    expect(evaluateCaa([rec('letsencrypt.org')], true, le)).toEqual({ kind: 'permits', tag: 'issue', permitted: ['letsencrypt.org'] });
  });
  it('a critical unknown tag forbids issuance (§4.5); a non-critical one is ignored', () => {
    expect(evaluateCaa([rec('letsencrypt.org'), rec('x', 'tbs', 128)], false, le).kind).toBe('invalid');
    expect(evaluateCaa([rec('letsencrypt.org'), rec('x', 'tbs', 0)], false, le).kind).toBe('permits');
    expect(evaluateCaa([rec('letsencrypt.org'), rec('mailto:a@b.example', 'iodef', 128)], false, le).kind).toBe('permits');
  });
  it('malformed values grant nothing; all malformed is invalid', () => {
    expect(evaluateCaa([rec('bad value'), rec('letsencrypt.org')], false, le).kind).toBe('permits');
    expect(evaluateCaa([rec('bad value')], false, le).kind).toBe('invalid');
  });
  it('an issuer outside the table is unknown, not forbidden', () => {
    expect(evaluateCaa([rec('digicert.com')], false, null)).toEqual({ kind: 'unknown-issuer', tag: 'issue', permitted: ['digicert.com'] });
  });
});

describe('caaIssuer', () => {
  it.each([
    ["CN=R11, O=Let's Encrypt, C=US", 'letsencrypt.org'],
    ['CN=WR2, O=Google Trust Services, C=US', 'pki.goog'],
    ['CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US', 'digicert.com'],
    ['CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, C=GB', 'sectigo.com'],
    ['CN=GlobalSign GCC R3 DV TLS CA 2020, O=GlobalSign nv-sa, C=BE', 'globalsign.com'],
    ['CN=Amazon RSA 2048 M02, O=Amazon, C=US', 'amazon.com'],
    ['CN=encscan lab intermediate CA', 'lab.encscan.test'],
  ])('%s → %s', (dn, domain) => expect(caaIssuer(dn)?.domains).toContain(domain));
  it('unknown issuers give null', () => expect(caaIssuer('CN=Some Private CA, O=Example Corp')).toBeNull());
});

describe('coversByWildcard', () => {
  it('exact names win over wildcards', () => {
    expect(coversByWildcard(['*.example.com'], 'www.example.com')).toBe(true);
    expect(coversByWildcard(['*.example.com', 'www.example.com'], 'WWW.example.com.')).toBe(false);
    expect(coversByWildcard(['*.example.com'], 'example.com')).toBe(false);
  });
});
