import { defineCheck } from '../../src/evidence/check.js';
import { checkLifetime, lifetimeRule } from '../../src/pki/lifetime-rules.js';

export default defineCheck({
  id: 'certificate.lifetime',
  area: 'certificate',
  title: 'Certificate lifetime',
  cite: ['CA/B Baseline Requirements §6.3.2', 'https://cabforum.org/2025/04/11/ballot-sc081v3-introduce-schedule-of-reducing-validity-and-data-reuse-periods/'],
  needs: ['tls'],
  outcomes: {
    ok: { text: 'issued for {days} days{limit}' },
    'too-long': {
      text: 'issued for {days} days, more than the {max} days allowed for certificates issued from {from} ({source})',
      fix: 'Replace it with a certificate of at most {max} days and automate renewal with an ACME client (Let\'s Encrypt certificates last 90 days or less).',
    },
  },
  run: ({ endpoints }, ctx) =>
    endpoints.flatMap((ep) => {
      const leaf = ep.certificates?.[0];
      if (!leaf) return [];
      const notBefore = new Date(leaf.notBefore);
      const { days, maxDays, withinRule } = checkLifetime(notBefore, new Date(leaf.notAfter));
      const rule = lifetimeRule(notBefore);
      if (withinRule || rule === null) return [ctx.emit('ok', { days, limit: maxDays === null ? '' : ` (limit ${maxDays})` }, ep)];
      return [ctx.emit('too-long', { days, max: rule.maxDays, from: rule.from.slice(0, 10), source: rule.source }, ep)];
    }),
});
