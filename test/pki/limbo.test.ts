// A few SERVER cases from the x509-limbo corpus (see its SOURCE.md), asserting our exact
// codes as well as limbo's verdict. The full conformance run is a separate task.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { describe, expect, it } from 'vitest';
import { parsePemCertificates } from '../../src/pki/trust-store.js';
import { validateChain } from '../../src/pki/validate-chain.js';

interface LimboCase {
  id: string;
  validation_kind: string;
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  validation_time: string | null;
  expected_peer_name: { kind: string; value: string } | null;
  expected_result: 'SUCCESS' | 'FAILURE';
}

const corpus = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'corpora', 'x509-limbo', 'limbo.json'), 'utf8')) as { testcases: LimboCase[] };
const byId = (id: string): LimboCase => corpus.testcases.find((t) => t.id === id)!;

function run(t: LimboCase) {
  return validateChain({
    chain: [...parsePemCertificates(t.peer_certificate), ...t.untrusted_intermediates.flatMap((p) => parsePemCertificates(p))],
    roots: t.trusted_certs.flatMap((p) => parsePemCertificates(p)),
    host: t.expected_peer_name!.value,
    now: t.validation_time ? new Date(t.validation_time) : new Date(),
  });
}

describe('x509-limbo server cases', () => {
  it.each([
    ['online::google.com', []], // a real Web PKI chain
    ['pathlen::intermediate-violates-pathlen-0', ['path-length-exceeded']],
    ['rfc5280::validity::expired-intermediate', ['expired']],
    ['rfc5280::intermediate-ca-without-ca-bit', ['issuer-not-ca']],
    ['rfc5280::root-and-intermediate-swapped', []], // the ICA itself is the trust anchor
    ['rfc5280::eku::ee-wrong-eku', ['bad-extended-key-usage']],
  ])('%s', async (id, errors) => {
    const t = byId(id);
    expect(t.validation_kind).toBe('SERVER');
    const v = await run(t);
    expect(v.errors).toEqual(errors);
    expect(v.trusted && v.hostnameMatch ? 'SUCCESS' : 'FAILURE').toBe(t.expected_result);
  });

  it('pathological::pathological-chain-same-subject-same-key: rejected with bounded work', async () => {
    const t = byId('pathological::pathological-chain-same-subject-same-key');
    expect(t.untrusted_intermediates).toHaveLength(100);
    const started = Date.now();
    const v = await run(t);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(v.trusted).toBe(false);
    expect(t.expected_result).toBe('FAILURE');
  });
});
