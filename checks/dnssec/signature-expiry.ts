import { defineCheck, type Emission } from '../../src/evidence/check.js';

const DAY = 86_400_000;

export default defineCheck({
  id: 'dnssec.signature-expiry',
  area: 'dnssec',
  title: 'DNSSEC signature expiry horizon',
  cite: ['RFC 4034 §3.1.5', 'RFC 6781 §4.4.2'],
  needs: ['dnssec', 'dnssec-servers'],
  outcomes: {
    ok: { text: 'the earliest RRSIG on the chain expires on {date}, in {days} days' },
    'expires-soon': {
      text: 'RRSIGs of {zone} served by {server} expire on {date}, in {days} days',
      fix: 'Re-sign {zone} now and check that the signer runs automatically; signatures should be refreshed well before they expire.',
    },
    expired: {
      text: 'RRSIGs of {zone} served by {server} expired on {date}',
      fix: 'Re-sign {zone} and make sure every server loads the new zone; validating resolvers answer SERVFAIL for expired signatures.',
    },
  },
  applies: (ev) => (ev.dnssec?.servers ?? []).some((s) => s.expires !== null),
  run: ({ dnssec }, ctx) => {
    const horizon = ctx.vars['dnssec.signatureWarnDays']!;
    const out: Emission[] = [];
    let earliest: { date: string; days: number } | null = null;
    for (const s of dnssec!.servers!) {
      if (s.expires === null) continue;
      const days = Math.floor((Date.parse(s.expires) - ctx.now.getTime()) / DAY);
      const params = { zone: s.zone, server: s.address, date: s.expires.slice(0, 10), days };
      if (Date.parse(s.expires) < ctx.now.getTime()) out.push(ctx.emit('expired', params));
      else if (days < horizon) out.push(ctx.emit('expires-soon', params));
      if (!earliest || days < earliest.days) earliest = { date: params.date, days };
    }
    return out.length > 0 || !earliest ? out : [ctx.emit('ok', earliest)];
  },
});
