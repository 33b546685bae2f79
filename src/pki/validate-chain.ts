// Server chain validation: builds the best path from the leaf, judges it and reports
// PkiEvidence. Reports every problem as a code; never throws for a bad chain.
import { createHash } from 'node:crypto';
import type { PkiEvidence } from '../evidence/certificate.js';
import { parseCertificate, type CertFields } from './cert-fields.js';
import { CHAIN_ERRORS, type ChainErrorDetail } from './chain-errors.js';
import { checkName, checkPath } from './path-checks.js';
import { searchPaths, type CandidatePath } from './path-search.js';

export interface ValidateChainInput {
  /** As sent by the server: leaf first, the rest in any order, maybe with extras and duplicates. */
  chain: Uint8Array[];
  roots: Uint8Array[];
  host: string;
  now: Date;
  /** Most intermediates allowed between leaf and anchor (self-issued ones not counted); no cap by default. */
  maxIntermediates?: number;
}

/** PkiEvidence plus where each error applies (`depth` indexes `path`, 0 = leaf). */
export type ChainValidation = PkiEvidence & { details: ChainErrorDetail[] };

/** Sent certificates looked at beyond the leaf; real chains carry 1–4. */
const MAX_SENT = 32;

// Keyed by the caller's byte arrays, so trust-store roots are decoded once per process.
const fieldsCache = new WeakMap<Uint8Array, CertFields | null>();

function fields(der: Uint8Array): CertFields | null {
  let value = fieldsCache.get(der);
  if (value === undefined) {
    try {
      value = parseCertificate(der);
    } catch {
      value = null;
    }
    fieldsCache.set(der, value);
  }
  return value;
}

export async function validateChain(input: ValidateChainInput): Promise<ChainValidation> {
  const validatedAt = input.now.toISOString();
  const result = (details: ChainErrorDetail[], path: string[], trusted: boolean): ChainValidation => ({
    trusted,
    path,
    errors: CHAIN_ERRORS.filter((code) => details.some((d) => d.code === code)),
    hostnameMatch: !details.some((d) => d.code === 'hostname-mismatch'),
    completedViaAia: false,
    validatedAt,
    details,
  });

  const leafDer = input.chain[0];
  if (!leafDer) return { ...result([{ code: 'no-certificate', depth: 0 }], [], false), hostnameMatch: false };
  const leaf = fields(leafDer);
  if (!leaf) {
    const fp = createHash('sha256').update(leafDer).digest('hex');
    return { ...result([{ code: 'malformed-certificate', depth: 0 }], [fp], false), hostnameMatch: false };
  }

  const sent: CertFields[] = [];
  for (const der of input.chain.slice(1, 1 + MAX_SENT)) {
    const cert = fields(der);
    if (cert && cert.sha256 !== leaf.sha256 && !sent.some((c) => c.sha256 === cert.sha256)) sent.push(cert);
  }
  const anchors = input.roots.map(fields).filter((c): c is CertFields => c !== null);

  let best: { path: CandidatePath; details: ChainErrorDetail[]; score: number } | undefined;
  await searchPaths({ leaf, sent, anchors, now: input.now }, (path) => {
    const details = checkPath(path, { now: input.now, maxIntermediates: input.maxIntermediates });
    // Prefer paths that reach an anchor, then fewer problems; first found wins ties.
    const score = (path.end === 'anchor' ? 0 : 1000) + details.length;
    if (!best || score < best.score) best = { path, details, score };
    return score === 0;
  });
  // searchPaths always visits at least the leaf's own path.
  const chosen = best!;
  // Name errors come after the path is chosen: they never make `trusted` false.
  const details = [...chosen.details, ...checkName(leaf, input.host)];
  return result(details, chosen.path.certs.map((c) => c.sha256), chosen.score === 0);
}
