import { describe, expect, it } from 'vitest';
import { compareHsts, httpChainRank, httpsChainRank, worstBy } from '../../src/http/redirect-verdict.js';
import { hop, hsts } from '../support/check-kit.js';

describe('the roll-up across addresses', () => {
  it('orders HSTS from worst to best, with "no response" last', () => {
    const none = null;
    const invalid = hsts({ raw: ['max-age=x'], errors: ['max-age-invalid'] });
    const short = hsts({ raw: ['max-age=300'], valid: true, maxAge: 300 });
    const long = hsts({ raw: ['max-age=63072000'], valid: true, maxAge: 63072000 });
    const longSub = hsts({ raw: ['max-age=63072000; includeSubDomains'], valid: true, maxAge: 63072000, includeSubDomains: true });
    expect([longSub, none, long, short, invalid].sort(compareHsts)).toEqual([invalid, short, long, longSub, none]);
  });

  it('ranks chains so that a decided verdict beats an undecided one, and worse beats better', () => {
    const toHttps = [hop('http://a.example/', 301, { location: 'https://a.example/' }), hop('https://a.example/', 200)];
    const content = [hop('http://a.example/', 200)];
    const timeout = [hop('http://a.example/', null, { error: 'ENCSCAN_TIMEOUT' })];
    expect(worstBy([timeout, toHttps, content], httpChainRank)).toBe(content);
    expect(worstBy([timeout, toHttps], httpChainRank)).toBe(toHttps);
    expect(worstBy([timeout], httpChainRank)).toBe(timeout);
    const page = [hop('https://a.example/', 200)];
    const downgrade = [hop('https://a.example/', 302, { location: 'http://a.example/' }), hop('http://a.example/', 200)];
    expect(worstBy([page, downgrade], httpsChainRank)).toBe(downgrade);
    expect(worstBy([], httpsChainRank)).toBeUndefined();
  });
});
