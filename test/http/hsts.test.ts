import { describe, expect, it } from 'vitest';
import { parseHsts } from '../../src/http/hsts.js';

const TWO_YEARS = 63072000;

describe('parseHsts', () => {
  it.each([
    ['valid 2y', ['max-age=63072000'], { valid: true, maxAge: TWO_YEARS, includeSubDomains: false, preload: false, errors: [] }],
    ['flags', ['max-age=63072000; includeSubDomains; preload'], { valid: true, maxAge: TWO_YEARS, includeSubDomains: true, preload: true, errors: [] }],
    ['quoted max-age', ['max-age="31536000"'], { valid: true, maxAge: 31536000, errors: [] }],
    ['case-insensitive names', ['Max-Age=10; INCLUDESUBDOMAINS; PreLoad'], { valid: true, maxAge: 10, includeSubDomains: true, preload: true }],
    ['whitespace and empty directives', [' ;max-age = 0 ;; includeSubDomains ; '], { valid: true, maxAge: 0, includeSubDomains: true }],
    ['unknown directive ignored, and noted', ['max-age=5; report-uri="https://x.test/;a"; foo'], { valid: true, maxAge: 5, errors: ['unknown-directive'] }],
    ['huge max-age kept unclamped', ['max-age=99999999999'], { valid: true, maxAge: 99999999999 }],
    ['missing max-age', ['includeSubDomains'], { valid: false, maxAge: null, includeSubDomains: false, errors: ['max-age-missing'] }],
    ['non-digit max-age', ['max-age=1y'], { valid: false, maxAge: null, errors: ['max-age-invalid'] }],
    ['negative max-age', ['max-age=-1'], { valid: false, maxAge: null, errors: ['max-age-invalid'] }],
    ['max-age without value', ['max-age'], { valid: false, errors: ['max-age-no-value'] }],
    ['max-age with an empty value', ['max-age='], { valid: false, errors: ['max-age-empty'] }],
    ['duplicate directive', ['max-age=10; max-age=20'], { valid: false, maxAge: null, errors: ['duplicate-directive'] }],
    ['duplicate flag', ['max-age=10; includeSubDomains; includesubdomains'], { valid: false, includeSubDomains: false, errors: ['duplicate-directive'] }],
    ['flag with a value', ['max-age=10; includeSubDomains=yes'], { valid: false, errors: ['include-subdomains-invalid'] }],
    ['preload with a value is ignored, not fatal', ['max-age=10; preload=1'], { valid: true, maxAge: 10, preload: false, errors: ['preload-invalid'] }],
    ['repeated preload is ignored by browsers', ['max-age=10; preload; preload'], { valid: true, preload: true, errors: [] }],
    ['empty header', [''], { valid: false, maxAge: null, errors: ['max-age-missing'] }],
    ['syntax error', ['max-age=10, max-age=20'], { valid: false, maxAge: null, errors: ['syntax'] }],
    ['unterminated quote', ['max-age="10'], { valid: false, errors: ['syntax'] }],
    ['non-ASCII', ['max-age=1\u00ff'], { valid: false, errors: ['syntax'] }],
    ['multiple headers: first wins', ['max-age=10', 'max-age=20; includeSubDomains'], { valid: true, maxAge: 10, includeSubDomains: false, errors: ['multiple-headers'] }],
    ['multiple headers: invalid first', ['max-age=x', 'max-age=20'], { valid: false, maxAge: null, errors: ['multiple-headers', 'max-age-invalid'] }],
    ['Firefox accepts an empty name', ['max-age=1; =2'], { valid: false, maxAge: null, errors: ['syntax', 'firefox-differs'] }],
    ['Firefox accepts an empty value', ['max-age=1; foo='], { valid: false, errors: ['syntax', 'firefox-differs'] }],
    ['Firefox rejects max-age past 2^64-1', ['max-age=18446744073709551616'], { valid: true, maxAge: 18446744073709551616, errors: ['max-age-overflow', 'firefox-differs'] }],
    ['Firefox agrees on LWS it also accepts', ['max-age=1;\tincludeSubDomains'], { valid: true, includeSubDomains: true, errors: [] }],
  ])('%s', (_, headers, want) => {
    const got = parseHsts(headers);
    expect(got).toMatchObject(want);
    expect(got.raw).toEqual(headers);
  });

  it('no header at all is not valid and reports no parse error', () => {
    expect(parseHsts([])).toEqual({ raw: [], valid: false, maxAge: null, includeSubDomains: false, preload: false, errors: [] });
  });

  it('copies raw instead of aliasing the input', () => {
    const headers = ['max-age=1'];
    const got = parseHsts(headers);
    headers.push('max-age=2');
    expect(got.raw).toEqual(['max-age=1']);
  });
});
