import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLabPki, type LabPki, type LeafKey } from '../../src/lab/pki.js';
import { parseCertificate } from '../../src/pki/cert-fields.js';
import { children, readTlv } from '../../src/pki/der.js';
import { parsePemCertificates } from '../../src/pki/trust-store.js';

const DAY = 86_400_000;
let now: Date;
let lab: LabPki;

beforeAll(async () => {
  // Real time: node:tls checks validity against the clock.
  now = new Date();
  lab = await createLabPki(now);
});

describe('createLabPki', () => {
  it('root and intermediate carry the CA shape', () => {
    const root = parseCertificate(lab.rootDer);
    const intermediate = parseCertificate(lab.intermediateDer);
    expect(root.subjectHex).toBe(root.issuerHex);
    expect(root.basicConstraints).toEqual({ ca: true });
    expect(root.notBefore.getTime()).toBe(Math.floor((now.getTime() - DAY) / 1000) * 1000);
    expect(root.notAfter.getTime()).toBe(Math.floor((now.getTime() + 3650 * DAY) / 1000) * 1000);
    expect(intermediate.issuerHex).toBe(root.subjectHex);
    expect(intermediate.basicConstraints).toEqual({ ca: true, pathLen: 0 });
    expect(intermediate.authorityKeyId).toBe(root.subjectKeyId);
    expect(intermediate.keyUsage! & (1 << 5)).not.toBe(0);
    expect(parsePemCertificates(lab.rootPem)).toEqual([lab.rootDer]);
  });

  it('leaves: serverAuth, digitalSignature, key ids, random positive serials', async () => {
    const opts = { names: ['a.test', '10.1.2.3'], notBefore: now, notAfter: new Date(now.getTime() + DAY) };
    const [a, b] = await Promise.all([lab.issueLeaf(opts), lab.issueLeaf(opts)]);
    const leaf = parseCertificate(a.der);
    expect(leaf.extKeyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(leaf.keyUsage).toBe(1);
    expect(leaf.basicConstraints).toEqual({ ca: false });
    expect(leaf.san).toEqual({ dns: ['a.test'], ip: ['10.1.2.3'] });
    expect(leaf.authorityKeyId).toBe(parseCertificate(lab.intermediateDer).subjectKeyId);
    expect(leaf.subjectKeyId).toMatch(/^[0-9a-f]+$/);
    expect(leaf.serial).not.toBe(parseCertificate(b.der).serial);
    // Positive INTEGER: the sign bit of its first content byte is clear.
    const tbs = children(a.der, readTlv(a.der, 0))[0]!;
    const serial = children(a.der, tbs)[1]!;
    expect(a.der[serial.contentStart]! & 0x80).toBe(0);
    expect(leaf.serial.length).toBeGreaterThanOrEqual(20);
    expect(parsePemCertificates(a.chainPem)).toEqual([a.der, lab.intermediateDer]);
    expect(parsePemCertificates(a.certPem)).toEqual([a.der]);
  });

  it.each<[string, LeafKey]>([
    ['ECDSA P-256', { algorithm: 'ECDSA' }],
    ['ECDSA P-384', { algorithm: 'ECDSA', namedCurve: 'P-384' }],
    ['RSA 2048', { algorithm: 'RSA', modulusLength: 2048 }],
  ])('node:tls loads a %s key and chain', async (_, key) => {
    const issued = await lab.issueLeaf({ names: ['localhost'], notBefore: now, notAfter: new Date(now.getTime() + DAY), key });
    expect(issued.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(() => tls.createSecureContext({ key: issued.keyPem, cert: issued.chainPem })).not.toThrow();
  });

  it('a loopback TLS server with an issued chain is trusted by a client that trusts the lab root', async () => {
    const issued = await lab.issueLeaf({ names: ['localhost', '127.0.0.1'], notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + DAY) });
    const server = tls.createServer({ key: issued.keyPem, cert: issued.chainPem }, (socket) => socket.end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca: lab.rootPem });
      await once(socket, 'secureConnect');
      expect(socket.authorized).toBe(true);
      expect(new Uint8Array(socket.getPeerX509Certificate()!.raw)).toEqual(issued.der);
      socket.destroy();
    } finally {
      server.close();
    }
  });

  it('self-signed leaves sign themselves and ship alone', async () => {
    const issued = await lab.issueLeaf({ names: ['self.test'], notBefore: now, notAfter: new Date(now.getTime() + DAY), selfSigned: true });
    const leaf = parseCertificate(issued.der);
    expect(leaf.issuerHex).toBe(leaf.subjectHex);
    expect(parsePemCertificates(issued.chainPem)).toEqual([issued.der]);
  });
});
