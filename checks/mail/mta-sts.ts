import { defineCheck } from '../../src/evidence/check.js';
import { mxPatternMatches } from '../../src/http/mta-sts.js';

const PUBLISH =
  'Publish _mta-sts.<domain> TXT "v=STSv1; id=<serial>" and https://mta-sts.<domain>/.well-known/mta-sts.txt (version: STSv1, mode: enforce, one mx: line per MX host, max_age: 604800 or more) on a host with a valid certificate.';

export default defineCheck({
  id: 'mail.mta-sts',
  area: 'mail',
  title: 'MTA-STS policy',
  cite: ['RFC 8461 §3', 'RFC 8461 §4.1', 'https://www.internetsociety.org/deploy360/'],
  needs: ['http'],
  outcomes: {
    enforce: { text: 'MTA-STS in enforce mode covers every MX host ({mx})' },
    testing: { text: 'MTA-STS is in testing mode: failures are reported, not enforced', fix: 'After checking the TLS-RPT reports, switch the policy to mode: enforce.' },
    'none-mode': { text: 'MTA-STS policy with mode: none (withdrawn)', fix: PUBLISH },
    missing: { text: 'no MTA-STS: sending servers may deliver over plain text if STARTTLS is stripped', fix: PUBLISH },
    invalid: { text: 'the MTA-STS policy is not usable, so senders ignore it: {why}', fix: PUBLISH },
    'mx-not-covered': {
      text: 'the MTA-STS policy does not cover MX host(s) {hosts}: senders enforcing it will refuse to deliver there',
      fix: 'Add an mx: line for every MX host to the policy file and change the id in the TXT record.',
    },
  },
  applies: (ev) => ev.http?.mtaSts !== undefined && (ev.mx?.records.length ?? 0) > 0 && !ev.mx!.nullMx,
  run: ({ http, mx }, ctx) => {
    const { txt, policy } = http!.mtaSts!;
    if (txt.records.every((r) => !r.startsWith('v=STSv1'))) return [ctx.emit('missing')];
    if (!txt.valid) return [ctx.emit('invalid', { why: `TXT record: ${txt.errors.join(', ')}` })];
    if (policy === null || policy.status !== 200) return [ctx.emit('invalid', { why: `policy file not served (${policy?.error ?? policy?.status ?? 'no answer'})` })];
    if (policy.certificateTrusted === false) return [ctx.emit('invalid', { why: `mta-sts host certificate is not valid` })];
    if (policy.errors.length > 0) return [ctx.emit('invalid', { why: policy.errors.join(', ') })];
    if (policy.mode === 'none') return [ctx.emit('none-mode')];
    const uncovered = mx!.records.map((r) => r.exchange).filter((h) => !policy.mx.some((p) => mxPatternMatches(p, h)));
    if (uncovered.length > 0) return [ctx.emit('mx-not-covered', { hosts: uncovered.join(', ') })];
    return [ctx.emit(policy.mode === 'enforce' ? 'enforce' : 'testing', { mx: policy.mx.join(', ') })];
  },
});
