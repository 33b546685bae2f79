import { defineCheck } from '../../src/evidence/check.js';

export default defineCheck({
  id: 'dane.https',
  area: 'dane',
  title: 'DANE TLSA records for HTTPS',
  cite: ['RFC 6698 §2', 'RFC 7671 §5', 'RFC 7671 §9'],
  needs: ['dane'],
  outcomes: {
    valid: { text: '{name}: {reason}' },
    invalid: {
      text: '{name}: no TLSA record matches the certificate the server presents ({reason})',
      fix: 'Publish "{name} IN TLSA 3 1 1 {spki}" for the key the server presents now (keep the old record until its TTL has passed), or serve the key your records name.',
    },
    'name-mismatch': {
      text: '{name}: {reason}',
      fix: 'Serve a certificate that names {host}, or publish "{name} IN TLSA 3 1 1 {spki}" (DANE-EE does not check names).',
    },
    'pkix-failed': {
      text: '{name}: {reason}',
      fix: 'Serve the full chain to a public root (PKIX usages 0 and 1 need it), or publish "{name} IN TLSA 3 1 1 {spki}" instead.',
    },
    expired: {
      text: '{name}: {reason}',
      fix: 'Renew the certificate; DANE-TA(2) still checks the validity dates below the trust anchor.',
    },
    none: { text: '{name}: no TLSA records, so DANE is not deployed for this host' },
    unusable: {
      text: '{name}: TLSA records are published but none is usable ({reason}), so clients act as if there were none',
      fix: 'Replace them with a record clients support, such as "{name} IN TLSA 3 1 1 {spki}".',
    },
    insecure: { text: '{name}: TLSA records are not DNSSEC-signed, so clients ignore them' },
    bogus: {
      text: '{name}: the TLSA answer fails DNSSEC validation',
      fix: 'Repair DNSSEC for {name} (see the dnssec findings); DANE clients refuse to connect while the answer is bogus.',
    },
    // One fault, one failure: when the host's own addresses are bogus too, dnssec.chain reports it.
    'bogus-zone': { text: '{name}: the TLSA answer is bogus along with the host\'s addresses (see dnssec.chain); DANE clients will not connect' },
  },
  applies: (ev) => ev.dane?.https !== undefined,
  run: (ev, ctx) => {
    const https = ev.dane!.https!;
    const name = https.name;
    const spki = ev.endpoints.find((e) => e.certificates?.[0])?.certificates?.[0]?.spkiSha256 ?? '<SHA-256 of the SPKI>';
    if (https.verdict === 'bogus' && ev.dnssec?.status === 'bogus') return [ctx.emit('bogus-zone', { name })];
    if (https.verdict === 'none' && https.records.length > 0) return [ctx.emit('unusable', { name, spki, reason: https.records[0]!.reason })];
    if (https.verdict === 'insecure' || https.verdict === 'bogus' || https.verdict === 'none') return [ctx.emit(https.verdict, { name })];
    const deciding = https.records.find((r) => r.usable && r.depth === https.depth && r.status !== 'no-match') ?? https.records.find((r) => r.usable);
    const reason = deciding?.reason ?? '';
    if (https.verdict === 'valid') return [ctx.emit('valid', { name, reason })];
    const outcome = https.failure === 'name-mismatch' || https.failure === 'pkix-failed' || https.failure === 'expired' ? https.failure : 'invalid';
    return [ctx.emit(outcome, { name, reason, spki, host: ctx.target.host })];
  },
});
