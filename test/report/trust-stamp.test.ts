import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { defaultRootAnchors, parseTrustAnchors } from '../../src/dnssec/trust-anchor.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { parsePemCertificates } from '../../src/pki/trust-store.js';
import { trustStamp, trustStampEntries } from '../../src/report/trust-stamp.js';

const corpus = (...p: string[]) => join(PACKAGE_ROOT, 'fixtures', 'corpora', ...p);

describe('trust stamp', () => {
  it('defaults: Node\'s bundled Mozilla roots and the built-in IANA root KSKs', () => {
    const t = trustStamp([], undefined, defaultRootAnchors);
    expect(t.store).toEqual({ bundled: `Node.js ${process.versions.node} bundled Mozilla roots`, bundledCount: rootCertificates.length, extra: [] });
    expect(t.anchors).toEqual({ source: 'built-in IANA root KSKs', keyTags: [20326, 38696], sha256: null });
  });

  it('an extra CA file by count and fingerprint; a trust-anchor file by its key tags and SHA-256', () => {
    const pemFile = corpus('dane-openssl', 'cross-root.pem');
    const pem = readFileSync(pemFile, 'utf8');
    const xmlFile = corpus('iana', 'dnssec', 'root-anchors.xml');
    const xml = readFileSync(xmlFile, 'utf8');
    const t = trustStamp([{ file: pemFile, pem }], { file: xmlFile, text: xml, anchors: parseTrustAnchors(xml) }, () => {
      throw new Error('built-in anchors must not be read when a file is given');
    });
    const der = parsePemCertificates(pem)[0]!;
    expect(t.store.extra).toEqual([{ file: pemFile, count: 1, sha256: [createHash('sha256').update(der).digest('hex')] }]);
    expect(t.anchors).toEqual({ source: xmlFile, keyTags: [19036, 20326, 38696], sha256: createHash('sha256').update(xml).digest('hex') });
  });

  it('renders as two stamp entries, and says so when an older report has none', () => {
    const entries = Object.fromEntries(trustStampEntries(trustStamp([], undefined, defaultRootAnchors)));
    expect(entries['trustStore']).toBe(`Node.js ${process.versions.node} bundled Mozilla roots, ${rootCertificates.length} certificates`);
    expect(entries['trustAnchors']).toBe('built-in IANA root KSKs: key tags 20326 38696');
    expect(trustStampEntries(undefined)).toEqual([['trustStore', 'not recorded'], ['trustAnchors', 'not recorded']]);
  });
});
