import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'dns.cname-chain',
  area: 'dns',
  title: 'CNAME chain',
  cite: ['RFC 1034 §3.6.2'],
  needs: ['dns'],
  outcomes: {
    followed: { text: '{name} is an alias: {chain}' },
  },
  applies: (ev) => (ev.dns?.cnames.length ?? 0) > 0,
  run: ({ dns }, ctx) => {
    const chain = [dns!.name, ...dns!.cnames.map((c) => c.target)].join(' → ');
    return [ctx.emit('followed', { name: dns!.name, chain })];
  },
});
