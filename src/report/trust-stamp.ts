import { createHash } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { TrustAnchor } from '../dnssec/trust-anchor.js';
import type { TrustStamp } from '../evidence/report.js';
import { parsePemCertificates } from '../pki/trust-store.js';

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/**
 * What the scan trusted, for the run stamp: Node's bundled Mozilla roots plus each extra CA file
 * (count and certificate fingerprints), and the DNSSEC anchors by key tag with the anchor file's hash.
 */
export function trustStamp(
  caFiles: ReadonlyArray<{ file: string; pem: string }>,
  anchorFile: { file: string; text: string; anchors: readonly TrustAnchor[] } | undefined,
  builtInAnchors: () => readonly TrustAnchor[],
): TrustStamp {
  const extra = caFiles.map(({ file, pem }) => {
    const certs = parsePemCertificates(pem);
    return { file, count: certs.length, sha256: certs.map((der) => sha256(der)) };
  });
  const anchors = anchorFile?.anchors ?? builtInAnchors();
  return {
    store: { bundled: `Node.js ${process.versions.node} bundled Mozilla roots`, bundledCount: rootCertificates.length, extra },
    anchors: {
      source: anchorFile?.file ?? 'built-in IANA root KSKs',
      keyTags: [...new Set(anchors.map((a) => a.keyTag))],
      sha256: anchorFile === undefined ? null : sha256(anchorFile.text),
    },
  };
}

/** One line per part, for the stamp tables of every renderer. */
export function trustStampEntries(t: TrustStamp | undefined): Array<[string, string]> {
  if (t === undefined) return [['trustStore', 'not recorded'], ['trustAnchors', 'not recorded']];
  const extra = t.store.extra.map((e) => ` + ${e.file}: ${e.count} certificate(s) ${e.sha256.map((h) => h.slice(0, 16)).join(' ')}`).join('');
  const file = t.anchors.sha256 === null ? '' : `, file SHA-256 ${t.anchors.sha256}`;
  return [
    ['trustStore', `${t.store.bundled}, ${t.store.bundledCount} certificates${extra}`],
    ['trustAnchors', `${t.anchors.source}: key tags ${t.anchors.keyTags.join(' ')}${file}`],
  ];
}
