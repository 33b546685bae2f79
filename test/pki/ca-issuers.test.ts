import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificateChoices, CertificateSet, ContentInfo, EncapsulatedContentInfo, SignedData, id_data, id_signedData } from '@peculiar/asn1-cms';
import { Certificate } from '@peculiar/asn1-x509';
import { createLabPki, type LabPki } from '../../src/lab/pki.js';
import { decodeCaIssuers } from '../../src/pki/ca-issuers.js';

let lab: LabPki;
beforeAll(async () => {
  lab = await createLabPki(new Date('2026-06-01T00:00:00Z'));
});

/** A "certs-only" SignedData (RFC 5652 §5 degenerate case, RFC 8894 §3.4): no content, no signers. */
function certsOnly(ders: Uint8Array[]): Uint8Array {
  const signed = new SignedData({
    version: 1,
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }),
    certificates: new CertificateSet(ders.map((d) => new CertificateChoices({ certificate: AsnConvert.parse(d, Certificate) }))),
  });
  return new Uint8Array(AsnConvert.serialize(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signed) })));
}

describe('decodeCaIssuers', () => {
  it('takes a single DER certificate', () => {
    expect(decodeCaIssuers(lab.intermediateDer)).toEqual([lab.intermediateDer]);
  });

  it('takes a PKCS#7 certs-only bundle', () => {
    expect(decodeCaIssuers(certsOnly([lab.intermediateDer, lab.rootDer]))).toEqual([lab.intermediateDer, lab.rootDer]);
  });

  it('takes PEM, which some CAs serve', () => {
    expect(decodeCaIssuers(new Uint8Array(Buffer.from(lab.intermediatePem)))).toEqual([lab.intermediateDer]);
  });

  it.each<[string, () => Uint8Array]>([
    ['HTML error page', () => Buffer.from('<html><body>Not here</body></html>')],
    ['empty', () => Buffer.alloc(0)],
    ['an empty bundle', () => certsOnly([])],
    ['PEM without a certificate', () => Buffer.from('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')],
    ['truncated certificate', () => lab.intermediateDer.subarray(0, 100)],
  ])('throws DecodeError for %s', (_, body) => {
    expect(() => decodeCaIssuers(new Uint8Array(body()))).toThrow(expect.objectContaining({ code: 'ENCSCAN_DECODE' }));
  });
});

describe('hostile caIssuers bodies', () => {
  it('only ever throw DecodeError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          decodeCaIssuers(bytes);
        } catch (err) {
          expect((err as { code?: string }).code).toBe('ENCSCAN_DECODE');
        }
      }),
    );
  });
});
