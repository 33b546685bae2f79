// SERVER cases from the x509-limbo corpus (see its SOURCE.md), asserting our exact codes as well
// as limbo's verdict: one case per rule validateChain enforces. limbo-conformance.test.ts runs
// the whole corpus.
import { describe, expect, it } from 'vitest';
import { limboCase, limboVerdict, validateLimboCase } from './limbo-corpus.js';

describe('x509-limbo server cases', () => {
  it.each([
    ['online::google.com', []], // a real Web PKI chain
    ['pathlen::intermediate-violates-pathlen-0', ['path-length-exceeded']],
    ['pathlen::max-chain-depth-1', []],
    ['pathlen::max-chain-depth-1-self-issued', []],
    ['pathlen::max-chain-depth-1-exhausted', ['chain-too-long']],
    ['rfc5280::validity::expired-intermediate', ['expired']],
    ['rfc5280::intermediate-ca-without-ca-bit', ['issuer-not-ca']],
    ['rfc5280::root-and-intermediate-swapped', []], // the ICA itself is the trust anchor
    ['rfc5280::eku::ee-wrong-eku', ['bad-extended-key-usage']],
    ['webpki::eku::ee-anyeku', ['bad-extended-key-usage']],
    ['webpki::eku::ee-without-eku', ['bad-extended-key-usage']],
    ['webpki::eku::root-has-eku', ['bad-extended-key-usage']],
    ['rfc5280::nc::permitted-dns-match', []],
    ['rfc5280::nc::excluded-dns-match', ['name-constraint-violation']],
    ['rfc5280::nc::excluded-match-permitted-and-excluded', ['name-constraint-violation']],
    ['rfc5280::nc::nc-forbids-othername', ['name-constraint-violation']],
    ['rfc5280::nc::nc-forbids-same-chain-ica', []], // the unconstrained alternative path wins
    ['rfc5280::nc::not-allowed-in-ee-critical', ['bad-name-constraints']],
    ['webpki::nc::permitted-dns-match-noncritical', []],
    ['webpki::nc::intermediate-permitted-excluded-subtrees-both-empty-sequences', ['bad-name-constraints']],
    ['cve::cve-2025-61727', ['name-constraint-violation', 'common-name-not-in-san']],
    ['pathological::nc-dos-1', ['search-limit']],
    ['rfc5280::aki::critical-aki', ['bad-extension-criticality']],
    ['rfc5280::aki::leaf-missing-aki', ['missing-key-identifier']],
    ['rfc5280::ski::intermediate-missing-ski', ['missing-key-identifier']],
    ['webpki::aki::root-with-aki-authoritycertissuer', ['bad-authority-key-id']],
    ['webpki::aki::root-with-aki-ski-mismatch', ['bad-authority-key-id']],
    ['rfc5280::root-non-critical-basic-constraints', ['bad-extension-criticality']],
    ['rfc5280::ee-critical-aia-invalid', ['bad-extension-criticality']],
    ['rfc5280::san::noncritical-with-empty-subject', ['bad-extension-criticality']],
    ['rfc5280::pc::ica-noncritical-pc', ['bad-extension-criticality']],
    ['rfc5280::duplicate-extensions', ['duplicate-extension']],
    ['rfc5280::unknown-critical-extension-intermediate', ['malformed-certificate', 'unknown-critical-extension']],
    ['rfc5280::serial::zero', ['bad-serial-number']],
    ['rfc5280::serial::too-long', ['bad-serial-number']],
    ['rfc5280::san::underscore-dns', ['bad-san', 'common-name-not-in-san']],
    ['webpki::cn::case-mismatch', ['common-name-not-in-san']],
    ['webpki::cn::ipv6-uncompressed-mismatch', ['common-name-not-in-san']],
    ['rfc5280::leaf-ku-keycertsign', ['ca-as-leaf']],
    ['webpki::ee-basicconstraints-ca', ['ca-as-leaf']],
    ['webpki::forbidden-weak-rsa-in-leaf', ['weak-key']],
    ['webpki::forbidden-rsa-not-divisible-by-8-in-root', ['weak-key']],
    ['webpki::forbidden-p192-leaf', ['weak-key']],
  ])('%s', async (id, errors) => {
    const t = limboCase(id);
    expect(t.validation_kind).toBe('SERVER');
    const v = await validateLimboCase(t);
    expect(v.errors).toEqual(errors);
    expect(limboVerdict(t, v)).toBe(t.expected_result);
  });

  it('pathological::pathological-chain-same-subject-same-key: rejected with bounded work', async () => {
    const t = limboCase('pathological::pathological-chain-same-subject-same-key');
    expect(t.untrusted_intermediates).toHaveLength(100);
    const started = Date.now();
    const v = await validateLimboCase(t);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(v.trusted).toBe(false);
    expect(t.expected_result).toBe('FAILURE');
  });
});
