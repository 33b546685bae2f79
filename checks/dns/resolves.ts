import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'dns.resolves',
  area: 'dns',
  title: 'Host name resolves',
  cite: ['RFC 1034 §4.3.2', 'RFC 2308 §2'],
  needs: ['dns'],
  outcomes: {
    ok: { text: '{name} resolves to {addresses}' },
    nxdomain: {
      text: '{name} does not exist (NXDOMAIN)',
      fix: 'Publish A and/or AAAA records for {name} in its zone, or scan the name users actually visit.',
    },
    servfail: {
      text: 'resolving {name} failed: the authoritative servers answered SERVFAIL',
      fix: "Check the zone on every authoritative server (zone loaded, serials equal, DNSSEC signatures valid); SERVFAIL means resolvers cannot reach your site.",
    },
    'no-address': {
      text: '{name} exists but has no A or AAAA record',
      fix: 'Add A and/or AAAA records for {name}.',
    },
  },
  applies: (ev) => ev.dns !== undefined && (ev.dns.mode === 'stub' || ev.dns.mode === 'iterative'),
  run: ({ dns }, ctx) => {
    const name = dns!.name;
    if (dns!.addresses.length > 0) {
      return [ctx.emit('ok', { name, addresses: dns!.addresses.map((a) => a.address).join(', ') })];
    }
    const rcodes = Object.values(dns!.rcode);
    if (rcodes.includes('NXDOMAIN')) return [ctx.emit('nxdomain', { name })];
    if (rcodes.includes('SERVFAIL')) return [ctx.emit('servfail', { name })];
    return rcodes.every((r) => r === 'NOERROR') ? [ctx.emit('no-address', { name })] : [];
  },
});
