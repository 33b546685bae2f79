import { rootCertificates } from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLabPki, type LabPki } from '../../src/lab/pki.js';
import { parsePemCertificates, trustStore } from '../../src/pki/trust-store.js';

let lab: LabPki;

beforeAll(async () => {
  lab = await createLabPki(new Date('2025-06-01T12:00:00Z'));
});

describe('trustStore', () => {
  it("holds Node's Mozilla roots as DER, the same objects on every call", () => {
    const store = trustStore();
    expect(store).toHaveLength(rootCertificates.length);
    expect(store[0]![0]).toBe(0x30);
    expect(trustStore()[0]).toBe(store[0]);
  });

  it('adds every certificate of each extra PEM file', () => {
    const store = trustStore([lab.rootPem + lab.intermediatePem, lab.rootPem]);
    expect(store).toHaveLength(rootCertificates.length + 3);
    expect(store.slice(-3)).toEqual([lab.rootDer, lab.intermediateDer, lab.rootDer]);
  });
});

describe('parsePemCertificates', () => {
  it('finds blocks among other text and CRLF line ends', () => {
    const text = `subject=CN = x\r\n${lab.rootPem.replace(/\n/g, '\r\n')}trailing words\n${lab.intermediatePem}`;
    expect(parsePemCertificates(text)).toEqual([lab.rootDer, lab.intermediateDer]);
  });

  it.each([
    ['no block', 'hello'],
    ['a private key only', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'],
    ['a block that is not a certificate', '-----BEGIN CERTIFICATE-----\nAAECAw==\n-----END CERTIFICATE-----\n'],
  ])('throws ENCSCAN_BAD_FILE on %s', (_, text) => {
    expect(() => parsePemCertificates(text)).toThrow(expect.objectContaining({ code: 'ENCSCAN_BAD_FILE' }));
  });
});
