// OpenSSL's DANE cases (fixtures/corpora/dane-openssl, see its SOURCE.md) run with the harness's
// semantics: reference name = base domain, PKIX store = ca_file, SHA2-256 stronger than SHA2-512,
// and name checks for DANE-EE(3) unless the case disables them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchTlsa, type DaneFailure } from '../../src/dane/match-tlsa.js';
import { parsePemCertificates } from '../../src/pki/trust-store.js';

const DIR = new URL('../../fixtures/corpora/dane-openssl/', import.meta.url);

interface Case {
  id: string;
  base_domain: string;
  ca_file: string;
  no_name_checks: boolean;
  tlsa: { usage: number; selector: number; matching_type: number; data_hex: string }[];
  chain_pem: string[];
  expected_verify_result_name: string;
  expected_match_depth: number;
}

const cases = (JSON.parse(readFileSync(new URL('cases.json', DIR), 'utf8')) as { cases: Case[] }).cases;
const stores = new Map<string, Uint8Array[]>();
const store = (file: string): Uint8Array[] => {
  let roots = stores.get(file);
  if (!roots) stores.set(file, (roots = parsePemCertificates(readFileSync(new URL(file, DIR), 'utf8'))));
  return roots;
};

/** The X509_V_ERR code each failure corresponds to in OpenSSL's verifier. */
const OPENSSL_RESULT: Record<DaneFailure | 'ok', string> = {
  ok: 'X509_V_OK',
  'no-match': 'X509_V_ERR_DANE_NO_MATCH',
  'name-mismatch': 'X509_V_ERR_HOSTNAME_MISMATCH',
  'pkix-failed': 'X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'no-certificate': 'X509_V_ERR_DANE_NO_MATCH',
  expired: 'X509_V_ERR_CERT_HAS_EXPIRED',
};

async function run(c: Case): Promise<{ result: string; depth: number }> {
  const out = await matchTlsa({
    records: c.tlsa.map((t) => ({ usage: t.usage, selector: t.selector, mtype: t.matching_type, data: new Uint8Array(Buffer.from(t.data_hex, 'hex')) })),
    chain: c.chain_pem.flatMap((pem) => parsePemCertificates(pem)),
    roots: store(c.ca_file),
    names: [c.base_domain],
    now: new Date('2026-06-01T00:00:00Z'),
    mode: 'https',
    digestPreference: [1, 2],
    eeNameCheck: !c.no_name_checks,
  });
  return { result: OPENSSL_RESULT[out.failure ?? 'ok'], depth: out.depth ?? -1 };
}

describe('dane-openssl corpus', () => {
  it('has 55 cases', () => expect(cases).toHaveLength(55));

  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    expect(await run(c)).toEqual({ result: c.expected_verify_result_name, depth: c.expected_match_depth });
  });

  it('scores 55/55', async () => {
    let passed = 0;
    for (const c of cases) {
      const got = await run(c);
      if (got.result === c.expected_verify_result_name && got.depth === c.expected_match_depth) passed++;
    }
    console.log(`dane-openssl: ${passed}/${cases.length}`);
    expect(passed).toBe(55);
  });
});
