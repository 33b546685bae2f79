// AIA, must-staple and embedded SCTs read from real certificates (badssl.com archived chains,
// fixtures/corpora/badssl/SOURCE.md) and from lab-made ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { certificateLinks } from '../../src/pki/cert-links.js';
import { parsePemCertificates } from '../../src/pki/trust-store.js';

const leafOf = (name: string) => parsePemCertificates(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'corpora', 'badssl', 'certs', 'prod-chains', name), 'utf8'))[0]!;

describe('certificateLinks', () => {
  it('reads a production leaf: caIssuers, OCSP and three embedded SCTs', () => {
    const links = certificateLinks(leafOf('wildcard-rsa2048.pem'));
    expect(links).toMatchObject({
      caIssuers: ['http://cacerts.digicert.com/DigiCertSHA2SecureServerCA.crt'],
      ocsp: ['http://ocsp.digicert.com'],
      mustStaple: false,
      malformed: [],
    });
    expect(links.scts.map((s) => [s.logId.slice(0, 8), s.timestamp])).toEqual([
      ['bbd9dfbc', '2020-03-23T16:42:41.578Z'],
      ['22454507', '2020-03-23T16:42:41.627Z'],
      ['51a3b0f5', '2020-03-23T16:42:41.658Z'],
    ]);
  });

  it('finds no SCTs in badssl\'s no-sct leaf', () => {
    expect(certificateLinks(leafOf('subdomain-no-sct.pem'))).toMatchObject({ scts: [], ocsp: ['http://ocsp.digicert.com'] });
  });

  it('names what does not decode instead of throwing', () => {
    expect(certificateLinks(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])).malformed).toEqual(['certificate']);
  });
});
