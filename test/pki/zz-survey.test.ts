import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parsePemCertificates } from '../../src/pki/trust-store.js';
import { validateChain } from '../../src/pki/validate-chain.js';
const limbo = JSON.parse(readFileSync('/work/shared/corpora/x509-limbo/limbo.json', 'utf8'));
it('survey', async () => {
  const rows: string[] = [];
  let agree = 0, total = 0;
  for (const t of limbo.testcases) {
    if (t.validation_kind !== 'SERVER' || !t.id.startsWith('patholog') && !t.id.startsWith('online') && !t.id.startsWith('pathlen') ) continue;
    const pem = (l: string[]) => l.flatMap((p) => { try { return parsePemCertificates(p); } catch { return []; } });
    const started = Date.now();
    const v = await validateChain({ chain: [...pem([t.peer_certificate]), ...pem(t.untrusted_intermediates)], roots: pem(t.trusted_certs), host: t.expected_peer_name?.value ?? '', now: t.validation_time ? new Date(t.validation_time) : new Date() });
    const ms = Date.now() - started;
    const ok = t.expected_peer_name ? v.trusted && v.hostnameMatch : v.trusted;
    const got = ok ? 'SUCCESS' : 'FAILURE';
    total++; if (got === t.expected_result) agree++;
    rows.push(`${got === t.expected_result ? 'ok  ' : 'DIFF'} ${t.id} want=${t.expected_result} errors=${v.errors.join(',')} ${ms}ms`);
  }
  console.log(rows.join('\n'));
  console.log(agree, '/', total);
}, 120000);
