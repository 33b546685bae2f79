import { describe, expect, it } from 'vitest';
import { parseHstsHeader } from '../../src/http/hsts-header.js';
import { CHROMIUM_MAX_AGE_CAP, FIREFOX_MAX_AGE_CAP, HSTS_MODES, type HstsMode } from '../../src/http/hsts-modes.js';

type Seen = [maxAge: number, includeSubDomains: boolean] | 'ignored';

function seen(header: string, mode: HstsMode): Seen {
  const p = parseHstsHeader(header, mode);
  return p.valid ? [p.maxAge!, p.includeSubDomains] : 'ignored';
}

const X = 'ignored' as const;

describe('parseHstsHeader: where the engines disagree', () => {
  // Columns: chromium, firefox, curl, rfc6797.
  it.each<[string, string, Seen[]]>([
    ['stray trailing quote', 'max-age=31536"', [X, X, [31536, false], X]],
    ['empty directive name', 'max-age=1; =2', [X, [1, false], [1, false], X]],
    ['unknown directive with an empty value', 'max-age=1; foo=', [X, [1, false], [1, false], X]],
    ['includeSubDomains with an empty quoted value', 'max-age=1; includeSubDomains=""', [X, X, [1, true], X]],
    ['trailing CRLF', 'max-age=100\r\n', [X, X, [100, false], X]],
    ['CRLF then tab is LWS', '\r\n\tmax-age=5', [X, [5, false], X, [5, false]]],
    ['no separator before a flag', 'max-age=100 includeSubDomains', [X, X, [100, true], X]],
    ['flag prefix', 'max-age=100; includeSubDomainsX', [[100, false], [100, false], [100, true], [100, false]]],
    ['repeated unknown directive', 'max-age=1; preload; preload', [[1, false], [1, false], [1, false], X]],
    ['spaces around = and a quoted value', 'max-age = "100"', [[100, false], [100, false], [100, false], [100, false]]],
    ['past 2^64-1', 'max-age=18446744073709551616', [[18446744073709551616, false], X, [18446744073709551616, false], [18446744073709551616, false]]],
    ['comma-joined duplicate headers', 'max-age=1, max-age=2', [X, X, [1, false], X]],
    ['unknown value that is not a token', 'max-age=1; foo=a b', [X, X, [1, false], X]],
    ['escaped quote inside a quoted value', 'max-age=1; foo="a\\";b"', [[1, false], [1, false], [1, false], [1, false]]],
    ['non-ASCII inside a quoted value', 'max-age=1; foo="\u00e9"', [[1, false], X, [1, false], [1, false]]],
  ])('%s', (_, header, want) => {
    expect((['chromium', 'firefox', 'curl', 'rfc6797'] as const).map((m) => seen(header, m))).toEqual(want);
  });
});

describe('parseHstsHeader: results', () => {
  it('reports max-age as sent and what each browser keeps', () => {
    const big = 'max-age=9999999999; includeSubDomains';
    expect(parseHstsHeader(big, 'chromium')).toMatchObject({ valid: true, maxAge: 9999999999, effectiveMaxAge: CHROMIUM_MAX_AGE_CAP });
    expect(parseHstsHeader(big, 'firefox')).toMatchObject({ valid: true, maxAge: 9999999999, effectiveMaxAge: FIREFOX_MAX_AGE_CAP });
    expect(parseHstsHeader(big, 'curl')).toMatchObject({ valid: true, maxAge: 9999999999, effectiveMaxAge: 9999999999 });
  });

  it('lists every issue in header order, and the fatal ones', () => {
    expect(parseHstsHeader(';max-age=01; max-age=2; includeSubDomain; preload=x', 'chromium')).toEqual({
      mode: 'chromium',
      valid: false,
      maxAge: 1,
      effectiveMaxAge: 1,
      includeSubDomains: false,
      preload: false,
      issues: [
        { code: 'empty-directive' },
        { code: 'max-age-leading-zero', directive: 'max-age' },
        { code: 'duplicate-directive', directive: 'max-age' },
        { code: 'unknown-directive', directive: 'includesubdomain' },
        { code: 'preload-invalid', directive: 'preload' },
      ],
      fatal: ['duplicate-directive'],
    });
  });

  it.each<[string, string[]]>([
    ['', ['empty-header', 'max-age-missing']],
    ['   ', ['empty-header', 'max-age-missing']],
    ['includeSubDomains', ['max-age-missing']],
    ['max-age', ['max-age-no-value']],
    ['max-age=', ['max-age-empty']],
    ['max-age=+1', ['max-age-invalid']],
    ['max-age="1', ['syntax']],
    ['max-age=1; includeSubDomains=1', ['include-subdomains-invalid']],
    ['max-age=1; includeSubDomains; includesubdomains', ['duplicate-directive']],
  ])('chromium ignores %j: %j', (header, fatal) => {
    const p = parseHstsHeader(header, 'chromium');
    expect([p.valid, p.fatal]).toEqual([false, fatal.filter((c) => c !== 'empty-header')]);
    expect(p.issues.map((i) => i.code)).toEqual(fatal);
  });

  it('never throws, whatever the input', () => {
    const junk = ['"', '\\', '=', ';"', '"\\', 'max-age="\\', '\u0000', '\uffff;\ud800', 'max-age=1'.repeat(1000)];
    for (const mode of HSTS_MODES) for (const h of junk) expect(() => parseHstsHeader(h, mode)).not.toThrow();
  });
});
