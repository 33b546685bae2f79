import { defineCheck } from '../../src/evidence/check.js';
import { hstsEngines } from '../../src/http/hsts.js';
import type { HstsHeaderParse } from '../../src/http/hsts-header.js';

/** Chromium keeps an HSTS policy for at most one year, whatever max-age says. */
const CHROMIUM_CAP = 31_536_000;

function reading(p: HstsHeaderParse): string {
  return p.valid ? `max-age=${p.maxAge}${p.includeSubDomains ? ' with includeSubDomains' : ''}` : 'ignores the header';
}

const SEND = 'Send Strict-Transport-Security: max-age=63072000; includeSubDomains on every HTTPS response (nginx: add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;).';

export default defineCheck({
  id: 'hsts.header',
  area: 'hsts',
  title: 'HTTP Strict Transport Security',
  cite: ['RFC 6797 §6.1', 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Strict-Transport-Security'],
  needs: ['http'],
  outcomes: {
    ok: { text: 'HSTS max-age={maxAge}s{sub}{clamp}' },
    missing: { text: 'no Strict-Transport-Security header on HTTPS', fix: SEND },
    invalid: { text: 'the Strict-Transport-Security header is invalid ({errors}), so browsers ignore it: {raw}', fix: SEND },
    'too-short': { text: 'HSTS max-age={maxAge}s is shorter than {min}s', fix: SEND },
    'firefox-differs': {
      text: 'Chromium and Firefox read this header differently: Chromium {chromium}, Firefox {firefox}',
      fix: 'Send one plain header that every browser reads alike, e.g. Strict-Transport-Security: max-age=63072000; includeSubDomains (no quotes, no repeated directives).',
    },
    'multiple-headers': {
      text: '{count} Strict-Transport-Security headers: browsers use only the first',
      fix: 'Send exactly one Strict-Transport-Security header (look for one added by the application and one by the server or proxy).',
    },
  },
  applies: (ev) => ev.http?.hsts != null,
  run: ({ http }, ctx) => {
    const h = http!.hsts!;
    const out = [];
    if (h.raw.length > 1) out.push(ctx.emit('multiple-headers', { count: h.raw.length }));
    const engines = hstsEngines(h.raw);
    if (engines && h.errors.includes('firefox-differs')) {
      out.push(ctx.emit('firefox-differs', { chromium: reading(engines.chromium), firefox: reading(engines.firefox) }));
    }
    const min = ctx.vars['hsts.minMaxAge']!;
    if (h.raw.length === 0) out.push(ctx.emit('missing'));
    else if (!h.valid || h.maxAge === null) {
      out.push(ctx.emit('invalid', { errors: h.errors.join(', '), raw: h.raw[0]!.slice(0, 200) }));
    } else if (h.maxAge < min) out.push(ctx.emit('too-short', { maxAge: h.maxAge, min }));
    else {
      const clamp = h.maxAge > CHROMIUM_CAP ? ' (Chromium keeps it for at most one year)' : '';
      out.push(ctx.emit('ok', { maxAge: h.maxAge, sub: h.includeSubDomains ? '; includeSubDomains' : '', clamp }));
    }
    return out;
  },
});
