// The CRL judge on CRLs made with @peculiar/x509 for a lab leaf, and the leaf's CRL distribution points.
import type { webcrypto } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { DistributionPointName, GeneralName, IssuingDistributionPoint } from '@peculiar/asn1-x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLabPki, type LabPki } from '../../src/lab/pki.js';
import { parseCertificate, type CertFields } from '../../src/pki/cert-fields.js';
import { certificateLinks } from '../../src/pki/cert-links.js';
import { judgeCrl } from '../../src/pki/crl.js';
import { x509 } from '../../src/pki/x509.js';

const HOUR = 3_600_000;
const CRL_URL = 'http://crl.test/1.crl';
const now = new Date();
const at = (hours: number): Date => new Date(now.getTime() + hours * HOUR);
let lab: LabPki;
let leaf: CertFields;
let other: CertFields;
let issuer: CertFields;

beforeAll(async () => {
  lab = await createLabPki(now);
  const issue = async (crl: string[]) => parseCertificate((await lab.issueLeaf({ names: ['site.test'], notBefore: at(-24), notAfter: at(24 * 30), crl })).der);
  leaf = await issue([CRL_URL]);
  other = await issue([]);
  issuer = parseCertificate(lab.intermediateDer);
});

interface CrlOptions {
  serials?: string[];
  thisUpdate?: Date;
  nextUpdate?: Date | null;
  issuerDer?: Uint8Array;
  signingKey?: webcrypto.CryptoKey;
  extensions?: x509.Extension[];
}

async function crl(o: CrlOptions = {}): Promise<Uint8Array> {
  const made = await x509.X509CrlGenerator.create({
    issuer: new x509.X509Certificate(o.issuerDer ?? lab.intermediateDer).subjectName,
    signingKey: o.signingKey ?? lab.intermediateKey.privateKey,
    signingAlgorithm: lab.intermediateKey.algorithm,
    thisUpdate: o.thisUpdate ?? at(-1),
    ...(o.nextUpdate === null ? {} : { nextUpdate: o.nextUpdate ?? at(24) }),
    ...(o.extensions ? { extensions: o.extensions } : {}),
    entries: (o.serials ?? []).map((serialNumber) => ({ serialNumber, revocationDate: at(-2), reason: x509.X509CrlReason.superseded })),
  });
  return new Uint8Array(made.rawData);
}

function idp(o: { url: string; onlyContainsUserCerts?: boolean; onlyContainsCACerts?: boolean }): x509.Extension {
  const value = new IssuingDistributionPoint({
    distributionPoint: new DistributionPointName({ fullName: [new GeneralName({ uniformResourceIdentifier: o.url })] }),
    onlyContainsUserCerts: o.onlyContainsUserCerts ?? false,
    onlyContainsCACerts: o.onlyContainsCACerts ?? false,
  });
  return new x509.Extension('2.5.29.28', true, AsnConvert.serialize(value));
}

describe('judgeCrl', () => {
  it('finds the leaf listed, with date and reason', async () => {
    const got = judgeCrl(await crl({ serials: [other.serial, leaf.serial] }), leaf, issuer, now, CRL_URL);
    expect(got).toEqual({
      status: 'revoked',
      error: null,
      thisUpdate: at(-1).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
      nextUpdate: at(24).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
      entries: 2,
      signatureValid: true,
      revocationTime: at(-2).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
      revocationReason: 'superseded',
    });
  });

  it('calls a leaf not listed good, also on an empty CRL', async () => {
    expect(judgeCrl(await crl({ serials: [other.serial] }), leaf, issuer, now, CRL_URL)).toMatchObject({ status: 'good', error: null, entries: 1 });
    expect(judgeCrl(await crl(), leaf, issuer, now, CRL_URL)).toMatchObject({ status: 'good', entries: 0 });
  });

  it('accepts an issuing distribution point that names the URL it came from', async () => {
    expect(judgeCrl(await crl({ serials: [leaf.serial], extensions: [idp({ url: CRL_URL, onlyContainsUserCerts: true })] }), leaf, issuer, now, CRL_URL)).toMatchObject({ status: 'revoked', error: null });
  });

  it('gives no verdict from a CRL it cannot trust or that is not current', async () => {
    const stranger = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const cases: Array<[CrlOptions, string]> = [
      [{ signingKey: stranger.privateKey }, 'bad-signature'],
      [{ issuerDer: lab.rootDer }, 'wrong-issuer'],
      [{ thisUpdate: at(2) }, 'not-yet-valid'],
      [{ thisUpdate: at(-48), nextUpdate: at(-24) }, 'expired'],
      [{ nextUpdate: null }, 'expired'],
      [{ extensions: [idp({ url: 'http://crl.test/2.crl' })] }, 'wrong-scope'],
      [{ extensions: [idp({ url: CRL_URL, onlyContainsCACerts: true })] }, 'wrong-scope'],
      // deltaCRLIndicator: a delta CRL lists only changes since a base CRL.
      [{ extensions: [new x509.Extension('2.5.29.27', true, new Uint8Array([0x02, 0x01, 0x07]))] }, 'unsupported-extension'],
    ];
    for (const [opts, error] of cases) {
      expect(judgeCrl(await crl({ ...opts, serials: [leaf.serial] }), leaf, issuer, now, CRL_URL), error).toMatchObject({ status: null, error, revocationTime: null });
    }
  });

  it('never throws on damaged input', async () => {
    const good = await crl({ serials: [other.serial, leaf.serial] });
    expect(judgeCrl(new Uint8Array([0x30, 0x03, 0x02, 0x01]), leaf, issuer, now, CRL_URL)).toMatchObject({ status: null, error: 'malformed' });
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    for (let i = 0; i < 2000; i++) {
      const bytes = good.slice(0, i % 3 === 0 ? rand(good.length) : good.length);
      for (let k = 0; k < 1 + rand(4); k++) if (bytes.length > 0) bytes[rand(bytes.length)] = rand(256);
      const got = judgeCrl(bytes, leaf, issuer, now, CRL_URL);
      if (got.status !== null) expect(got.error).toBeNull();
      else expect(got.error).not.toBeNull();
    }
  });
});

describe('certificateLinks CRL distribution points', () => {
  it('keeps http URIs only, in order', async () => {
    const issued = await lab.issueLeaf({ names: ['site.test'], notBefore: at(-24), notAfter: at(24), crl: ['ldap://dir.test/cn=CA?certificateRevocationList', 'http://crl.test/a.crl', 'HTTP://crl.test/b.crl'] });
    expect(certificateLinks(issued.der).crl).toEqual(['http://crl.test/a.crl', 'HTTP://crl.test/b.crl']);
    expect(certificateLinks(issued.der).malformed).toEqual([]);
    expect(certificateLinks((await lab.issueLeaf({ names: ['site.test'], notBefore: at(-24), notAfter: at(24) })).der).crl).toEqual([]);
  });
});
