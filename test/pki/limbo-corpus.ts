// The x509-limbo corpus (fixtures/corpora/x509-limbo, see its SOURCE.md) and how a case runs
// through validateChain: at its validation time, with its roots, intermediates, peer name and
// chain-depth cap.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { parsePemCertificates } from '../../src/pki/trust-store.js';
import { validateChain, type ChainValidation } from '../../src/pki/validate-chain.js';

export interface LimboCase {
  id: string;
  features: string[] | null;
  validation_kind: 'SERVER' | 'CLIENT';
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  validation_time: string | null;
  expected_peer_name: { kind: string; value: string } | null;
  expected_result: 'SUCCESS' | 'FAILURE';
  max_chain_depth: number | null;
}

export const LIMBO_DIR = join(PACKAGE_ROOT, 'fixtures', 'corpora', 'x509-limbo');

export const limboCases = (JSON.parse(readFileSync(join(LIMBO_DIR, 'limbo.json'), 'utf8')) as { testcases: LimboCase[] }).testcases;

export const limboCase = (id: string): LimboCase => limboCases.find((t) => t.id === id)!;

export function validateLimboCase(t: LimboCase): Promise<ChainValidation> {
  return validateChain({
    chain: [...parsePemCertificates(t.peer_certificate), ...t.untrusted_intermediates.flatMap((p) => parsePemCertificates(p))],
    roots: t.trusted_certs.flatMap((p) => parsePemCertificates(p)),
    host: t.expected_peer_name?.value ?? '',
    // Generated certificates are valid until 2969, so "now" is a fine stand-in for a null time.
    now: t.validation_time ? new Date(t.validation_time) : new Date(),
    ...(t.max_chain_depth === null ? {} : { maxIntermediates: t.max_chain_depth }),
  });
}

/** Limbo's verdict for our result: without an expected peer name limbo asks for no name check. */
export function limboVerdict(t: LimboCase, v: ChainValidation): 'SUCCESS' | 'FAILURE' {
  return v.trusted && (t.expected_peer_name === null || v.hostnameMatch) ? 'SUCCESS' : 'FAILURE';
}
