// Depth-first path building (RFC 4158 in miniature) from the leaf through sent certificates
// and trust anchors. Work is capped so a hostile server's pile of look-alike certificates
// cannot make it slow: depth, candidates considered and signature checks are all bounded.
import type { CertFields } from './cert-fields.js';
import { verifySignature, type SignatureCheck } from './verify-signature.js';

export const LIMITS = { maxDepth: 10, maxCandidates: 256, maxSignatureChecks: 64 } as const;

export interface CandidatePath {
  /** Leaf first. */
  certs: CertFields[];
  /** links[i]: does certs[i + 1]'s key verify certs[i]? */
  links: SignatureCheck[];
  /**
   * How the path ended; for 'self-signed', `selfSignature` is the last cert's own signature.
   * 'limit': the depth or work cap stopped the search here.
   */
  end: 'anchor' | 'self-signed' | 'no-issuer' | 'limit';
  selfSignature?: SignatureCheck;
}

/** Return true to stop the search (a path with no errors was found). */
export type PathVisitor = (path: CandidatePath) => boolean;

export interface SearchInput {
  leaf: CertFields;
  sent: CertFields[];
  anchors: CertFields[];
  now: Date;
}

export async function searchPaths(input: SearchInput, visit: PathVisitor): Promise<void> {
  const anchorFps = new Set(input.anchors.map((c) => c.sha256));
  const bySubject = new Map<string, CertFields[]>();
  // Anchors first, so a path ends at the store's copy of a root even when a server also sends one.
  for (const cert of [...input.anchors, ...input.sent]) {
    const list = bySubject.get(cert.subjectHex) ?? [];
    if (!list.some((c) => c.sha256 === cert.sha256)) list.push(cert);
    bySubject.set(cert.subjectHex, list);
  }
  const checks = new Map<string, SignatureCheck>();
  let candidates = 0;
  let stopped = false;

  const check = async (cert: CertFields, issuer: CertFields): Promise<SignatureCheck | null> => {
    const key = `${cert.sha256}:${issuer.sha256}`;
    const known = checks.get(key);
    if (known) return known;
    if (checks.size >= LIMITS.maxSignatureChecks) return null;
    const result = await verifySignature(cert, issuer);
    checks.set(key, result);
    return result;
  };

  const emit = (path: CandidatePath): void => {
    stopped ||= visit(path);
  };

  const extend = async (certs: CertFields[], links: SignatureCheck[]): Promise<void> => {
    const cert = certs[certs.length - 1]!;
    if (anchorFps.has(cert.sha256)) return emit({ certs, links, end: 'anchor' });
    if (certs.length >= LIMITS.maxDepth) return emit({ certs, links, end: 'limit' });
    const selfIssued = cert.subjectHex === cert.issuerHex;
    const own = selfIssued ? await check(cert, cert) : null;
    if (own === 'ok') return emit({ certs, links, end: 'self-signed', selfSignature: own });

    const issuers = (bySubject.get(cert.issuerHex) ?? []).filter(
      (c) =>
        !certs.some((p) => p.sha256 === c.sha256 || (p.subjectHex === c.subjectHex && p.spkiSha256 === c.spkiSha256)) &&
        !(cert.authorityKeyId && c.subjectKeyId && cert.authorityKeyId !== c.subjectKeyId),
    );
    const tried: { issuer: CertFields; sig: SignatureCheck }[] = [];
    for (const issuer of issuers) {
      if (++candidates > LIMITS.maxCandidates) break;
      const sig = await check(cert, issuer);
      if (sig === null) break;
      tried.push({ issuer, sig });
    }
    if (tried.length === 0) {
      if (issuers.length > 0) return emit({ certs, links, end: 'limit' });
      // A self-issued cert whose own signature fails is a self-signed end with a bad signature
      // only if it claims its own key (AKI absent or equal to its SKI); otherwise it names a
      // same-named issuer (a CA key rollover) that is missing.
      const claimsOwnKey = cert.authorityKeyId === undefined || cert.authorityKeyId === cert.subjectKeyId;
      if (own && claimsOwnKey) return emit({ certs, links, end: 'self-signed', selfSignature: own });
      return emit({ certs, links, end: 'no-issuer' });
    }
    // Verified issuers first, and among them those valid now: the likeliest good path comes first.
    const rank = (t: { issuer: CertFields; sig: SignatureCheck }): number =>
      (t.sig === 'ok' ? 0 : 2) + (t.issuer.notBefore <= input.now && input.now <= t.issuer.notAfter ? 0 : 1);
    tried.sort((a, b) => rank(a) - rank(b));
    // Once the budget is spent, each deeper call still ends its path at once with 'limit'.
    for (const { issuer, sig } of tried) {
      if (stopped) return;
      await extend([...certs, issuer], [...links, sig]);
    }
  };

  await extend([input.leaf], []);
}
