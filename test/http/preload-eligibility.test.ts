import { describe, expect, it } from 'vitest';
import type { HttpEvidence, HttpHop } from '../../src/evidence/http.js';
import { preloadEligibility, type PreloadOptions } from '../../src/http/preload-eligibility.js';

const GOOD = 'max-age=63072000; includeSubDomains; preload';
const KNOWN: PreloadOptions = { certificateTrusted: true, registrable: true, www: 'https' };

/** A hop: `url status [location] [sts...]`; status 0 is a failed request. */
function hop(url: string, status: number, location: string | null = null, ...sts: string[]): HttpHop {
  const failed = status === 0;
  return { url, address: '192.0.2.1', status: failed ? null : status, location, sts, server: null, ...(failed ? { error: 'ENCSCAN_CONNECT_REFUSED' } : {}) };
}

const HTTP_OK = [hop('http://example.com/', 301, 'https://example.com/'), hop('https://example.com/', 200, null, GOOD)];
const HTTPS_OK = [hop('https://example.com/', 200, null, GOOD)];

function judge(http: HttpHop[], https: HttpHop[], opts: PreloadOptions = KNOWN) {
  const ev: Pick<HttpEvidence, 'redirects'> = { redirects: { http, https } };
  return preloadEligibility(ev, opts);
}

describe('preloadEligibility', () => {
  it('accepts a site that meets every rule', () => {
    expect(judge(HTTP_OK, HTTPS_OK)).toEqual({ eligible: true, issues: [], warnings: [], unchecked: [] });
  });

  it.each<[string, HttpHop[], HttpHop[], string[], string[]]>([
    ['no HSTS on HTTPS', HTTP_OK, [hop('https://example.com/', 200)], ['response.no_header'], []],
    ['two HSTS headers', HTTP_OK, [hop('https://example.com/', 200, null, GOOD, GOOD)], ['response.multiple_headers'], []],
    ['header without preload', HTTP_OK, [hop('https://example.com/', 200, null, 'max-age=63072000; includeSubDomains')], ['header.preloadable.preload.missing'], []],
    ['HTTPS unreachable', HTTP_OK, [hop('https://example.com/', 0)], ['domain.tls.cannot_connect'], []],
    ['no HTTP listener is fine', [hop('http://example.com/', 0)], HTTPS_OK, [], ['redirects.http.does_not_exist']],
    [
      'HSTS sent over HTTP',
      [hop('http://example.com/', 301, 'https://example.com/', GOOD), HTTP_OK[1]!],
      HTTPS_OK,
      [],
      ['redirects.http.useless_header'],
    ],
    ['HTTP serves content', [hop('http://example.com/', 200)], HTTPS_OK, ['redirects.http.no_redirect'], []],
    [
      'HTTP redirects to www first',
      [hop('http://example.com/', 301, 'https://www.example.com/'), hop('https://www.example.com/', 200, null, GOOD)],
      HTTPS_OK,
      ['redirects.http.www_first'],
      [],
    ],
    [
      'HTTP redirects to HTTP on www first',
      [hop('http://example.com/', 301, 'http://www.example.com/'), hop('http://www.example.com/', 301, 'https://www.example.com/'), hop('https://www.example.com/', 200)],
      HTTPS_OK,
      ['redirects.http.www_first'],
      [],
    ],
    [
      'HTTP redirects to another host',
      [hop('http://example.com/', 302, 'https://cdn.example.net/'), hop('https://cdn.example.net/', 200)],
      HTTPS_OK,
      ['redirects.http.first_redirect.insecure'],
      [],
    ],
    [
      'HTTP redirects to HTTP on the same host',
      [hop('http://example.com/', 301, '/home'), hop('http://example.com/home', 301, 'https://example.com/home'), hop('https://example.com/home', 200)],
      HTTPS_OK,
      ['redirects.http.first_redirect.insecure'],
      [],
    ],
    [
      'first HTTPS hop without HSTS',
      [hop('http://example.com/', 301, 'https://example.com/'), hop('https://example.com/', 200)],
      HTTPS_OK,
      ['redirects.http.first_redirect.no_hsts'],
      [],
    ],
    [
      'first HTTPS hop fails',
      [hop('http://example.com/', 301, 'https://example.com/'), hop('https://example.com/', 0)],
      HTTPS_OK,
      ['redirects.follow_error', 'redirects.http.first_redirect.invalid'],
      [],
    ],
    [
      'HTTPS then back to HTTP',
      [hop('http://example.com/', 301, 'https://example.com/'), hop('https://example.com/', 301, 'http://example.com/x', GOOD), hop('http://example.com/x', 200)],
      HTTPS_OK,
      ['redirects.insecure.subsequent'],
      [],
    ],
    [
      'HTTPS downgrades',
      HTTP_OK,
      [hop('https://example.com/', 301, 'http://example.com/', GOOD), hop('http://example.com/', 200)],
      ['redirects.insecure.initial'],
      [],
    ],
    [
      'four redirects',
      HTTP_OK,
      [
        hop('https://example.com/', 301, '/1', GOOD),
        hop('https://example.com/1', 301, '/2'),
        hop('https://example.com/2', 301, '/3'),
        hop('https://example.com/3', 301, '/4'),
        hop('https://example.com/4', 200),
      ],
      ['redirects.too_many'],
      [],
    ],
    ['a redirect loop', HTTP_OK, [hop('https://example.com/', 301, '/', GOOD)], ['redirects.too_many'], []],
    ['an unusable Location', HTTP_OK, [hop('https://example.com/', 301, 'https://exa mple.com:99999/', GOOD)], ['redirects.follow_error'], []],
    ['a redirect to another scheme', HTTP_OK, [hop('https://example.com/', 302, 'ftp://example.com/', GOOD)], ['redirects.follow_error', 'redirects.insecure.initial'], []],
  ])('%s', (_, http, https, issues, warnings) => {
    expect(judge(http, https)).toEqual({ eligible: issues.length === 0, issues, warnings, unchecked: [] });
  });

  it('reports a header problem once, on the main response', () => {
    const weak = 'max-age=300';
    const got = judge([hop('http://example.com/', 301, 'https://example.com/'), hop('https://example.com/', 200, null, weak)], [hop('https://example.com/', 200, null, weak)]);
    expect(got.issues).toEqual(['header.preloadable.include_sub_domains.missing', 'header.preloadable.preload.missing', 'header.preloadable.max_age.below_1_year']);
  });

  it.each<[string, PreloadOptions, string[], string[]]>([
    ['untrusted certificate stops the checks', { ...KNOWN, certificateTrusted: false }, ['domain.tls.invalid_cert_chain'], []],
    ['subdomain', { ...KNOWN, registrable: false }, ['domain.is_subdomain'], []],
    ['www without HTTPS', { ...KNOWN, www: 'no-https' }, ['domain.www.no_tls'], []],
    ['www absent', { ...KNOWN, www: 'absent' }, [], []],
    ['18-week policy', { ...KNOWN, policy: 'bulk-18-weeks' }, [], []],
    ['IP address', { ...KNOWN, domain: '192.0.2.1' }, ['domain.format.is_ip_address'], []],
    ['trailing dot', { ...KNOWN, domain: 'example.com.' }, ['domain.format.ends_with_dot'], []],
    ['invalid characters', { ...KNOWN, domain: 'ex_ample.com' }, ['domain.format.invalid_characters'], []],
  ])('%s', (_, opts, issues, unchecked) => {
    expect(judge(HTTP_OK, HTTPS_OK, opts)).toMatchObject({ eligible: issues.length === 0, issues, unchecked });
  });

  it('lists what the evidence could not decide', () => {
    expect(judge([], HTTPS_OK, {})).toEqual({
      eligible: true,
      issues: [],
      warnings: [],
      unchecked: ['domain.registrable', 'domain.tls.certificate', 'redirects.http', 'domain.www'],
    });
  });

  it('derives the domain from the HTTPS chain, on any port', () => {
    const https = [hop('https://example.com:8443/', 200, null, GOOD)];
    expect(judge(HTTP_OK, https).eligible).toBe(true);
  });
});
