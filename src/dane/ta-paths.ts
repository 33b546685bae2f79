// Chains from the leaf up to a DANE-TA(2) trust anchor (RFC 7671 §5.2.2): a certificate the
// server sent, a certificate published in the record itself, or a bare public key from the record.
import type { CertFields } from '../pki/cert-fields.js';
import { searchPaths } from '../pki/path-search.js';
import { x509 } from '../pki/x509.js';

/** Leaf-first path ending at `anchor` whose every signature verifies, or null. */
export async function pathToAnchor(leaf: CertFields, sent: CertFields[], anchor: CertFields, now: Date): Promise<CertFields[] | null> {
  let found: CertFields[] | null = null;
  await searchPaths({ leaf, sent, anchors: [anchor], now }, (path) => {
    if (path.end === 'anchor' && path.links.every((l) => l === 'ok')) found = path.certs;
    return found !== null;
  });
  return found;
}

/**
 * For a bare key: the deepest certificate `key` signs whose path down to the leaf verifies, as
 * the leaf-first path ending at it, or null.
 */
export async function pathSignedByKey(leaf: CertFields, sent: CertFields[], spki: Uint8Array, now: Date): Promise<CertFields[] | null> {
  const paths: CertFields[][] = [];
  await searchPaths({ leaf, sent, anchors: [], now }, (path) => {
    const verified = path.links.findIndex((l) => l !== 'ok');
    paths.push(path.certs.slice(0, verified === -1 ? path.certs.length : verified + 1));
    return false;
  });
  let best: CertFields[] | null = null;
  for (const certs of paths) {
    for (let i = certs.length - 1; i > (best?.length ?? 0) - 1; i--) {
      if (await keySigns(spki, certs[i]!)) {
        best = certs.slice(0, i + 1);
        break;
      }
    }
  }
  return best;
}

async function keySigns(spki: Uint8Array, cert: CertFields): Promise<boolean> {
  try {
    const parsed = new x509.X509Certificate(cert.der);
    return await parsed.verify({ publicKey: new x509.PublicKey(spki), signatureOnly: true });
  } catch {
    return false;
  }
}
