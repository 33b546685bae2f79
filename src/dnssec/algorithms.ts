// Algorithm policy, data-driven from the IANA DNSSEC registries' recommendation columns (RFC 9904 §3,
// updated by RFC 9905 and RFC 9906): which signing algorithms and DS digest types encscan validates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { canVerify } from './crypto-keys.js';
import { canDigest } from './ds.js';

/** A requirement level from the registry ('' where the registry gives none). */
export type Requirement = '' | 'MUST' | 'MUST NOT' | 'RECOMMENDED' | 'NOT RECOMMENDED' | 'MAY';

interface AlgorithmRow {
  number: number;
  mnemonic: string;
  description: string;
  reference: string;
  useSigning: Requirement;
  useValidation: Requirement;
  implementSigning: Requirement;
  implementValidation: Requirement;
  updatedBy?: string;
}

interface DigestRow {
  number: number;
  description: string;
  reference: string;
  useDelegation: Requirement;
  useValidation: Requirement;
  implementDelegation: Requirement;
  implementValidation: Requirement;
  updatedBy?: string;
}

export interface AlgorithmOptions {
  /** RFC 9905 §2 as operators apply it: algorithms whose "Use for DNSSEC Validation" is MUST NOT are unsupported. */
  strictAlgorithms?: boolean;
  /** Verify DSA (3, 6) despite the registry, for old corpora. */
  legacyAlgorithms?: boolean;
}

export interface AlgorithmPolicy {
  number: number;
  /** The registry mnemonic, or ALGnnn when unassigned. */
  mnemonic: string;
  /** True when signatures with it are verified; false means unsupported, i.e. insecure (RFC 4035 §5.2). */
  validate: boolean;
  /** The registry's "Use for DNSSEC Signing": MUST NOT and NOT RECOMMENDED deserve a warning. */
  useSigning: Requirement;
  /** The RFC that last changed the row, when later than the registry snapshot. */
  updatedBy?: string;
}

export interface DigestPolicy {
  number: number;
  description: string;
  validate: boolean;
  /** The registry's "Use for DNSSEC Delegation": SHA-1 (1) is MUST NOT. */
  useDelegation: Requirement;
  updatedBy?: string;
}

const DSA_ALGORITHMS = new Set([3, 6]);

let tables: { algorithms: Map<number, AlgorithmRow>; digests: Map<number, DigestRow> } | undefined;

function load(): NonNullable<typeof tables> {
  if (!tables) {
    const data = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'dnssec', 'algorithms.json'), 'utf8')) as { algorithms: AlgorithmRow[]; digests: DigestRow[] };
    tables = { algorithms: new Map(data.algorithms.map((r) => [r.number, r])), digests: new Map(data.digests.map((r) => [r.number, r])) };
  }
  return tables;
}

function accepted(implement: Requirement, use: Requirement, strict: boolean): boolean {
  return implement !== '' && implement !== 'MUST NOT' && !(strict && use === 'MUST NOT');
}

/** An algorithm field in presentation form: a number or a registry mnemonic (RFC 4034 Appendix A.1). */
export function algorithmNumber(text: string): number | undefined {
  if (/^\d{1,3}$/.test(text)) return Number(text) <= 0xff ? Number(text) : undefined;
  const upper = text.toUpperCase();
  for (const row of load().algorithms.values()) if (row.mnemonic.toUpperCase() === upper) return row.number;
  return undefined;
}

export function algorithmPolicy(algorithm: number, opts: AlgorithmOptions = {}): AlgorithmPolicy {
  const row = load().algorithms.get(algorithm);
  const legacy = opts.legacyAlgorithms === true;
  const byRegistry = row !== undefined && accepted(row.implementValidation, row.useValidation, opts.strictAlgorithms === true);
  const validate = canVerify(algorithm, legacy) && (byRegistry || (legacy && DSA_ALGORITHMS.has(algorithm)));
  return {
    number: algorithm,
    mnemonic: row?.mnemonic || `ALG${algorithm}`,
    validate,
    useSigning: row?.useSigning ?? '',
    ...(row?.updatedBy ? { updatedBy: row.updatedBy } : {}),
  };
}

export function digestPolicy(digestType: number, opts: AlgorithmOptions = {}): DigestPolicy {
  const row = load().digests.get(digestType);
  const validate = canDigest(digestType) && row !== undefined && accepted(row.implementValidation, row.useValidation, opts.strictAlgorithms === true);
  return {
    number: digestType,
    description: row?.description ?? `digest type ${digestType}`,
    validate,
    useDelegation: row?.useDelegation ?? '',
    ...(row?.updatedBy ? { updatedBy: row.updatedBy } : {}),
  };
}
