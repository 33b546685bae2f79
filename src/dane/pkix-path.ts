// PKIX validation for the PKIX-TA(0) and PKIX-EE(1) usages (RFC 6698 §2.1.1): RFC 5280 path
// validation to the caller's trust store. Web-PKI profile findings (CA/B Baseline Requirements)
// are the certificate checks' business, so only path errors fail it here.
import type { CertFields } from '../pki/cert-fields.js';
import type { ChainError } from '../pki/chain-errors.js';
import { validateChain } from '../pki/validate-chain.js';

const PATH_ERRORS: ReadonlySet<ChainError> = new Set<ChainError>([
  'no-certificate',
  'malformed-certificate',
  'self-signed',
  'untrusted-root',
  'incomplete-chain',
  'search-limit',
  'bad-signature',
  'unverifiable-signature',
  'expired',
  'not-yet-valid',
  'issuer-not-ca',
  'path-length-exceeded',
  'bad-key-usage',
  'name-constraint-violation',
  'unknown-critical-extension',
]);

export interface PkixPath {
  ok: boolean;
  /** The best path found, leaf first (it ends at a trust-store root when `ok`). */
  path: CertFields[];
  /** Where each path certificate came from. */
  sources: Array<'chain' | 'dns' | 'trust-store'>;
  errors: ChainError[];
}

export async function pkixPath(opts: { presented: CertFields[]; fromDns: CertFields[]; roots: CertFields[]; host: string; now: Date }): Promise<PkixPath> {
  const chain = [...opts.presented, ...opts.fromDns];
  const v = await validateChain({ chain: chain.map((c) => c.der), roots: opts.roots.map((c) => c.der), host: opts.host, now: opts.now });
  const errors = [...new Set(v.details.map((d) => d.code).filter((code) => PATH_ERRORS.has(code)))];
  const find = (fp: string, list: CertFields[]): CertFields | undefined => list.find((c) => c.sha256 === fp);
  const path: CertFields[] = [];
  const sources: PkixPath['sources'] = [];
  for (const fp of v.path) {
    const [cert, source] = pick(fp, opts, find);
    if (!cert) break;
    path.push(cert);
    sources.push(source);
  }
  return { ok: errors.length === 0 && path.length === v.path.length, path, sources, errors };
}

function pick(
  fp: string,
  opts: { presented: CertFields[]; fromDns: CertFields[]; roots: CertFields[] },
  find: (fp: string, list: CertFields[]) => CertFields | undefined,
): [CertFields | undefined, PkixPath['sources'][number]] {
  const presented = find(fp, opts.presented);
  if (presented) return [presented, 'chain'];
  const dns = find(fp, opts.fromDns);
  if (dns) return [dns, 'dns'];
  return [find(fp, opts.roots), 'trust-store'];
}
