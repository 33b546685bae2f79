import { defineCheck } from '../../src/evidence/check.js';
import type { CounterpartHttp } from '../../src/evidence/http.js';
import { isInconclusive } from '../../src/evidence/inconclusive.js';
import { preloadEligibility, type PreloadOptions } from '../../src/http/preload-eligibility.js';

/** hstspreload checks www.<domain> only when it exists (has an address), and then wants TLS there. */
function wwwStatus(c: CounterpartHttp | undefined): PreloadOptions['www'] {
  if (c === undefined || !c.name.startsWith('www.')) return undefined;
  if (c.address === null) return 'absent';
  const first = c.redirects.https[0];
  if (first?.status != null) return 'https';
  return first === undefined || isInconclusive(first.error) ? undefined : 'no-https';
}

const CAVEAT = 'preloading is opt-in: hstspreload.org no longer recommends it for every site';

export default defineCheck({
  id: 'hsts.preload',
  area: 'hsts',
  title: 'HSTS preload list eligibility',
  cite: ['https://hstspreload.org/#submission-requirements', 'RFC 6797 §12.3'],
  needs: ['http'],
  outcomes: {
    eligible: { text: 'the site meets the preload list requirements ({caveat})' },
    'not-requested': { text: 'no preload directive ({caveat})' },
    ineligible: {
      text: 'the header asks for preloading, but the site does not meet the requirements: {issues}',
      fix: 'Either meet every requirement (redirect http:// to https:// on the same host first, max-age of at least 31536000, includeSubDomains and preload on the first HTTPS response and on the redirect) or remove the preload directive: anyone may submit a domain that sends it.',
    },
  },
  applies: (ev) => (ev.http?.hsts?.raw.length ?? 0) > 0,
  run: ({ http, endpoints }, ctx) => {
    const trusted = endpoints.map((e) => e.pki?.trusted).filter((t): t is boolean => t !== undefined);
    const www = wwwStatus(http!.counterpart);
    const result = preloadEligibility(http!, {
      domain: ctx.target.host,
      ...(trusted.length > 0 ? { certificateTrusted: trusted.every(Boolean) } : {}),
      ...(www ? { www } : {}),
    });
    if (!http!.hsts!.preload) return [ctx.emit('not-requested', { caveat: CAVEAT })];
    if (result.eligible) return [ctx.emit('eligible', { caveat: CAVEAT })];
    return [ctx.emit('ineligible', { issues: result.issues.join(', ') })];
  },
});
