import { describe, expect, it } from 'vitest';
import check from './redirect.js';
import { runCheck } from '../../src/engine/run-checks.js';
import type { HttpsRecord } from '../../src/evidence/http.js';
import { defaultLevels } from '../../src/report/levels.js';
import { checkCases, evidence, hop, NOW } from '../../test/support/check-kit.js';

const chain = (...hops: ReturnType<typeof hop>[]) => evidence({ http: { redirects: { http: hops, https: [] }, hsts: null } });
const moved = (from: string, to: string) => hop(from, 301, { location: to });

checkCases(check, [
  ['same host', chain(moved('http://site.example/', 'https://site.example/'), hop('https://site.example/', 200)), ['to-https']],
  ['other host', chain(moved('http://site.example/', 'https://www.site.example/'), hop('https://www.site.example/', 200)), ['to-https-other-host']],
  [
    'http hop first',
    chain(moved('http://site.example/', 'http://www.site.example/'), moved('http://www.site.example/', 'https://www.site.example/'), hop('https://www.site.example/', 200)),
    ['to-https-later'],
  ],
  ['content over http', chain(hop('http://site.example/', 200)), ['serves-http']],
  ['refused', chain(hop('http://site.example/', null, { error: 'ENCSCAN_CONNECT_REFUSED' })), ['no-http-listener']],
  ['loop on http', chain(moved('http://site.example/', 'http://site.example/a'), hop('http://site.example/a', 301, { location: '/', error: 'ENCSCAN_HTTP_REDIRECT_LOOP' })), ['loop']],
  [
    'endless http chain',
    chain(...Array.from({ length: 20 }, (_, i) => hop(`http://site.example/${i}`, 301, { location: `/${i + 1}`, ...(i === 19 ? { error: 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS' } : {}) }))),
    ['too-many-redirects'],
  ],
  ['timeout is not a verdict', chain(hop('http://site.example/', null, { error: 'ENCSCAN_TIMEOUT' })), []],
]);

describe('http.redirect and the HTTPS record', () => {
  const run = (httpsRR: HttpsRecord[]) =>
    runCheck(check, evidence({ http: { redirects: { http: [hop('http://site.example/', 200)], https: [] }, hsts: null, httpsRR } }), {
      now: NOW,
      vars: defaultLevels().vars,
      target: { host: 'site.example', port: 443 },
    }).emissions;
  const record: HttpsRecord = { name: 'site.example.', dnssec: 'secure', rdata: '', priority: 1, target: '.', params: {}, problems: [] };

  it('says that browsers reading the record upgrade anyway (RFC 9460 §9.5)', () => {
    expect(run([record])[0]!.params.upgrade).toContain('upgrade to https://');
    expect(run([])[0]!.params.upgrade).toBe('');
    expect(run([{ ...record, priority: null, malformed: 'x' }])[0]!.params.upgrade).toBe('');
  });
});
