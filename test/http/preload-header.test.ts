import { describe, expect, it } from 'vitest';
import { parseHstsHeader } from '../../src/http/hsts-header.js';
import { HSTS_EVENTS } from '../../src/http/hsts-modes.js';
import { preloadHeaderIssues, preloadParseIssues, preloadResponseIssues } from '../../src/http/preload-header.js';

const GOOD = 'max-age=31536000; includeSubDomains; preload';

describe('preloadHeaderIssues', () => {
  it.each<[string, string, string[], string[]]>([
    ['preloadable', GOOD, [], []],
    ['quoted max-age is rejected by the tool', 'max-age="31536000"; includeSubDomains; preload', ['header.parse.max_age.non_digit_characters', 'header.preloadable.max_age.missing'], []],
    ['spaces around =', 'max-age = 31536000; includeSubDomains; preload', ['header.parse.invalid.max_age.no_value', 'header.preloadable.max_age.missing'], []],
    ['repeated max-age: the first counts', 'max-age=31536000; max-age=0; includeSubDomains; preload', [], ['header.parse.repeated.max_age']],
    ['repeated includeSubDomains', `${GOOD}; includeSubDomains`, [], ['header.parse.repeated.include_sub_domains']],
    ['includeSubDomains with a value', 'max-age=31536000; includeSubDomains=1; preload', ['header.preloadable.include_sub_domains.missing'], ['header.parse.invalid.include_sub_domains']],
    ['preload with a value', 'max-age=31536000; includeSubDomains; preload=yes', ['header.preloadable.preload.missing'], ['header.parse.invalid.preload']],
    ['past uint64', 'max-age=18446744073709551616; includeSubDomains; preload', ['header.parse.max_age.parse_int_error', 'header.preloadable.max_age.missing'], []],
    ['leading zero', 'max-age=031536000; includeSubDomains; preload', [], ['header.parse.max_age.leading_zero']],
    ['stray colon (Internet.nl#1022)', ': max-age=31536000; IncludeSubDomains; preload', ['header.preloadable.max_age.missing'], ['header.parse.unknown_directive']],
    ['comma-merged headers', 'max-age=31536000, max-age=31536000; includeSubDomains; preload', ['header.parse.max_age.non_digit_characters', 'header.preloadable.max_age.missing'], []],
  ])('%s', (_, header, errors, warnings) => {
    expect(preloadHeaderIssues(header)).toEqual({ errors, warnings });
  });

  it('applies the 18-week policy of older entries', () => {
    const header = 'max-age=10886400; includeSubDomains; preload';
    expect(preloadHeaderIssues(header, 'bulk-18-weeks')).toEqual({ errors: [], warnings: [] });
    expect(preloadHeaderIssues(header, 'bulk-1-year').errors).toEqual(['header.preloadable.max_age.below_1_year']);
  });
});

describe('preloadResponseIssues', () => {
  it.each<[string, string[], string[]]>([
    ['one preloadable header', [GOOD], []],
    ['no header', [], ['response.no_header']],
    ['two headers, even identical', [GOOD, GOOD], ['response.multiple_headers']],
    ['one weak header', ['max-age=300'], ['header.preloadable.include_sub_domains.missing', 'header.preloadable.preload.missing', 'header.preloadable.max_age.below_1_year']],
  ])('%s', (_, sts, errors) => {
    expect(preloadResponseIssues(sts).errors).toEqual(errors);
  });
});

it('hstspreload-codes.json maps every parser event', () => {
  for (const code of HSTS_EVENTS) {
    const parsed = { ...parseHstsHeader('', 'hstspreload'), issues: [{ code }] };
    expect(() => preloadParseIssues(parsed), code).not.toThrow();
  }
});
