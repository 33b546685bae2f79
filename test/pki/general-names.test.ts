import { describe, expect, it } from 'vitest';
import { isDnsSan, isMailbox, isValidSanEntry } from '../../src/pki/general-names.js';
import { isUnusable, isValidConstraint } from '../../src/pki/name-constraints.js';

describe('SAN syntax', () => {
  it.each([
    ['example.com', true],
    ['*.example.com', true],
    ['xn--bcher-kva.example', true],
    ['a-b.example', true],
    ['_acme.example.com', false], // RFC 1034 preferred syntax has no underscore
    ['.example.com', false],
    ['example.com.', false],
    ['f*o.example.com', false],
    ['foo.*.example.com', false],
    ['*', false],
    ['-a.example', false],
    ['bücher.example', false], // U-labels are not IA5 host names
  ])('dNSName %s: %s', (name, want) => expect(isDnsSan(name)).toBe(want));

  it.each([
    ['foo@example.com', true],
    ['*@example.com', true],
    ['invalid@address@example.com', false],
    ['@example.com', false],
    ['foo', false],
  ])('rfc822Name %s: %s', (value, want) => expect(isMailbox(value)).toBe(want));

  it('iPAddress: 4 or 16 octets', () => {
    expect(isValidSanEntry({ type: 'ip', bytes: new Uint8Array(4) })).toBe(true);
    expect(isValidSanEntry({ type: 'ip', bytes: new Uint8Array(16) })).toBe(true);
    expect(isValidSanEntry({ type: 'ip', bytes: new Uint8Array(8) })).toBe(false);
  });
});

describe('name-constraint syntax', () => {
  const ip = (...bytes: number[]) => ({ type: 'ip' as const, bytes: Uint8Array.from(bytes) });
  it.each([
    [{ type: 'dns' as const, value: 'example.com' }, true],
    [{ type: 'dns' as const, value: '' }, true], // every name
    [{ type: 'dns' as const, value: '.example.com' }, false],
    [{ type: 'dns' as const, value: '*.example.com' }, false],
    [{ type: 'email' as const, value: 'example.com' }, true],
    [{ type: 'email' as const, value: '.example.com' }, true],
    [{ type: 'email' as const, value: 'foo@example.com' }, true],
    [{ type: 'email' as const, value: 'invalid@invalid@example.com' }, false],
    [ip(192, 0, 2, 0, 255, 255, 255, 0), true],
    [ip(192, 0, 2, 0, 255, 0, 255, 0), false], // mask is not a prefix
    [ip(192, 0, 2, 1), false], // an address, not a subnet
  ])('%o: %s', (base, want) => expect(isValidConstraint(base)).toBe(want));

  it('an extension that constrains nothing is unusable', () => {
    expect(isUnusable({ permitted: [], excluded: [] })).toBe(true);
    expect(isUnusable({ permitted: [{ type: 'dns', value: 'example.com' }], excluded: [] })).toBe(false);
  });
});
