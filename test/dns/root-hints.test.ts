import { describe, expect, it } from 'vitest';
import { ianaRootHints, parseRootHints, parseServerAddress } from '../../src/probes/dns/root-hints.js';

describe('root hints', () => {
  it('builds in the 13 root servers over IPv4 and IPv6, IPv4 first', () => {
    expect(ianaRootHints()).toHaveLength(26);
    expect(ianaRootHints()[0]).toEqual({ address: '198.41.0.4', port: 53 });
    expect(ianaRootHints()[13]).toEqual({ address: '2001:503:ba3e::2:30', port: 53 });
    expect(ianaRootHints().every((h) => h.port === 53)).toBe(true);
  });

  it('parses a named.root-style file with comments, classes and no TTLs', () => {
    const text = [
      '; a comment',
      '.                 3600000 IN NS  A.LAB.',
      '.                         NS  b.lab.   ; trailing comment',
      'A.LAB.            3600000    A    127.0.53.1',
      'b.lab.                    IN AAAA ::1',
      'other.lab.        3600000    A    127.0.0.9',
      '',
    ].join('\n');
    expect(parseRootHints(text)).toEqual([
      { address: '127.0.53.1', port: 53 },
      { address: '::1', port: 53 },
    ]);
  });

  it.each([
    ['no records', '; nothing\n'],
    ['bad address', '. NS a.lab.\na.lab. A 300.1.1.1\n'],
    ['wrong family', '. NS a.lab.\na.lab. A ::1\n'],
    ['missing data', '. NS\n'],
  ])('rejects a file with %s', (_, text) => {
    expect(() => parseRootHints(text)).toThrow(expect.objectContaining({ code: 'ENCSCAN_BAD_FILE' }));
  });
});

describe('parseServerAddress', () => {
  it.each([
    ['1.2.3.4', { address: '1.2.3.4', port: 53 }],
    ['1.2.3.4:5353', { address: '1.2.3.4', port: 5353 }],
    ['::1', { address: '::1', port: 53 }],
    ['[::1]:5353', { address: '::1', port: 5353 }],
    ['2001:db8::53', { address: '2001:db8::53', port: 53 }],
  ])('%s', (input, want) => {
    expect(parseServerAddress(input)).toEqual(want);
  });

  it('uses the given default port', () => {
    expect(parseServerAddress('127.0.0.1', 5300)).toEqual({ address: '127.0.0.1', port: 5300 });
  });

  it.each(['dns.google', '1.2.3.4:0', '1.2.3.4:70000', '[::1]', '::1:53:', '[1.2.3.4]:53', '1.2.3:53', '', ' 1.2.3.4'])(
    'refuses %j with a usage error',
    (input) => {
      expect(() => parseServerAddress(input)).toThrow(expect.objectContaining({ name: 'UsageError', code: 'ENCSCAN_USAGE' }));
    },
  );
});
