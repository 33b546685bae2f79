import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AsnConvert } from '@peculiar/asn1-schema';
import { OCSPRequest } from '@peculiar/asn1-ocsp';
import { createLabPki, type LabPki } from '../../src/lab/pki.js';
import { labOcspResponder } from '../../src/lab/lab-ocsp.js';
import { parseCertificate, type CertFields } from '../../src/pki/cert-fields.js';
import { certificateLinks } from '../../src/pki/cert-links.js';
import { buildOcspRequest } from '../../src/pki/ocsp-request.js';
import { judgeOcspResponse } from '../../src/pki/ocsp-response.js';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
let lab: LabPki;
let leaf: CertFields;
let issuer: CertFields;

beforeAll(async () => {
  lab = await createLabPki(now);
  const issued = await lab.issueLeaf({
    names: ['a.test'],
    notBefore: now,
    notAfter: new Date(now.getTime() + 30 * DAY),
    aia: { caIssuers: 'http://aia.example.test/ca.cer', ocsp: 'http://ocsp.example.test/' },
    mustStaple: true,
  });
  leaf = parseCertificate(issued.der);
  issuer = parseCertificate(lab.intermediateDer);
});

describe('OCSP', () => {
  it('reads AIA URLs and must-staple from the leaf', () => {
    const links = certificateLinks(leaf.der);
    expect(links).toEqual({ caIssuers: ['http://aia.example.test/ca.cer'], ocsp: ['http://ocsp.example.test/'], crl: [], mustStaple: true, scts: [], malformed: [] });
  });

  it('builds a request naming the leaf by serial and issuer hashes', () => {
    const req = AsnConvert.parse(buildOcspRequest(leaf, issuer), OCSPRequest);
    const id = req.tbsRequest.requestList[0]!.reqCert;
    expect(id.hashAlgorithm.algorithm).toBe('1.3.14.3.2.26');
    expect(Buffer.from(id.serialNumber).toString('hex').replace(/^00/, '')).toBe(leaf.serial);
  });

  it('judges a good response signed by the issuer', async () => {
    const responder = labOcspResponder(lab, now);
    const j = await judgeOcspResponse(responder.answer(buildOcspRequest(leaf, issuer)), leaf, issuer, now);
    expect(j).toMatchObject({ responseStatus: 'successful', certStatus: 'good', signer: 'issuer', errors: [] });
  });

  it('judges a revoked response', async () => {
    const responder = labOcspResponder(lab, now);
    responder.revoke(leaf.der);
    const j = await judgeOcspResponse(responder.staple(leaf.der), leaf, issuer, now);
    expect(j).toMatchObject({ certStatus: 'revoked', revocationReason: 'keyCompromise', errors: [] });
  });
});

describe('OCSP responses that must not be trusted', () => {
  it('rejects a response for another certificate', async () => {
    const other = parseCertificate((await lab.issueLeaf({ names: ['b.test'], notBefore: now, notAfter: new Date(now.getTime() + DAY) })).der);
    const j = await judgeOcspResponse(labOcspResponder(lab, now).staple(other.der), leaf, issuer, now);
    expect(j.errors).toEqual(['no-matching-response']);
    expect(j.certStatus).toBeNull();
  });

  it('rejects a response signed by another CA', async () => {
    const stranger = await createLabPki(now);
    const strangerIssuer = parseCertificate(stranger.intermediateDer);
    // The same request answered by the other CA's responder. Both lab CAs have the same name, so the
    // responder id matches the issuer and only the signature tells them apart.
    expect(strangerIssuer.subjectHex).toBe(issuer.subjectHex);
    const j = await judgeOcspResponse(labOcspResponder(stranger, now).answer(buildOcspRequest(leaf, issuer)), leaf, issuer, now);
    expect(j.errors).toEqual(['bad-signature']);
    expect(j.signer).toBeNull();
  });

  it('flags a response past its nextUpdate, and one from the future', async () => {
    const der = labOcspResponder(lab, now).staple(leaf.der);
    expect((await judgeOcspResponse(der, leaf, issuer, new Date(now.getTime() + 4 * DAY))).errors).toEqual(['expired']);
    expect((await judgeOcspResponse(der, leaf, issuer, new Date(now.getTime() - 2 * 3_600_000))).errors).toEqual(['not-yet-valid']);
  });

  it('reports an error status and garbage without throwing', async () => {
    const malformed = labOcspResponder(lab, now).answer(new Uint8Array([0x30, 0x00]));
    expect(await judgeOcspResponse(malformed, leaf, issuer, now)).toMatchObject({ responseStatus: 'malformedRequest', errors: ['not-successful'] });
    for (const junk of [new Uint8Array(0), new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), new Uint8Array(300).fill(0x30)]) {
      expect(await judgeOcspResponse(junk, leaf, issuer, now)).toMatchObject({ responseStatus: 'malformed', errors: ['malformed'] });
    }
  });

  it('detects a tampered signature', async () => {
    const der = labOcspResponder(lab, now).staple(leaf.der);
    const tampered = new Uint8Array(der);
    tampered[tampered.length - 5]! ^= 0x01;
    expect((await judgeOcspResponse(tampered, leaf, issuer, now)).errors).toEqual(['bad-signature']);
  });
});

describe('hostile OCSP bytes', () => {
  it('never throws: random bytes and mutated real responses come back as error codes', async () => {
    const real = labOcspResponder(lab, now).staple(leaf.der);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }),
          fc.tuple(fc.nat(real.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
            const copy = new Uint8Array(real);
            copy[i] = b;
            return copy;
          }),
        ),
        async (bytes) => {
          const j = await judgeOcspResponse(bytes, leaf, issuer, now);
          expect(Array.isArray(j.errors)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
