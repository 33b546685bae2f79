import { describe, expect, it } from 'vitest';
import type { ValidatedRrset } from '../../src/probes/dns/dnssec-probe.js';
import { lookupTlsa, type Lookup } from '../../src/engine/stages/tlsa-base.js';

const RECORD = Uint8Array.of(3, 1, 1, ...new Array<number>(32).fill(0xab));
const answer = (status: ValidatedRrset['status'], n: number): ValidatedRrset => ({ status, reason: 'SECURE', rdatas: new Array<Uint8Array>(n).fill(RECORD) });

/** A lookup serving `zone` (owner → answer) and recording what was asked. */
function fake(zone: Record<string, ValidatedRrset>): { lookup: Lookup; asked: string[] } {
  const asked: string[] = [];
  return { asked, lookup: async (name) => (asked.push(name), zone[name] ?? answer('secure', 0)) };
}

describe('lookupTlsa (RFC 7671 §7)', () => {
  it('uses the expanded name of a secure CNAME chain when it has records', async () => {
    const { lookup, asked } = fake({ '_443._tcp.target.example': answer('secure', 1) });
    const got = await lookupTlsa(443, 'alias.example', { name: 'target.example', secure: true }, lookup);
    expect([got.name, got.names, asked]).toEqual(['_443._tcp.target.example', ['alias.example', 'target.example'], ['_443._tcp.target.example']]);
  });

  it('falls back to the initial name when the expanded name securely has none', async () => {
    const { lookup, asked } = fake({ '_443._tcp.alias.example': answer('secure', 1) });
    const got = await lookupTlsa(443, 'alias.example', { name: 'target.example', secure: true }, lookup);
    expect([got.name, got.answer.rdatas.length, asked]).toEqual(['_443._tcp.alias.example', 1, ['_443._tcp.target.example', '_443._tcp.alias.example']]);
  });

  it('keeps a bogus answer at the expanded name rather than looking elsewhere', async () => {
    const { lookup } = fake({ '_25._tcp.target.example': answer('bogus', 0), '_25._tcp.alias.example': answer('secure', 1) });
    expect((await lookupTlsa(25, 'alias.example', { name: 'target.example', secure: true }, lookup)).answer.status).toBe('bogus');
  });

  it('never asks at the target of an insecure chain', async () => {
    const { lookup, asked } = fake({ '_25._tcp.target.example': answer('secure', 1) });
    const got = await lookupTlsa(25, 'alias.example', { name: 'target.example', secure: false }, lookup);
    expect([got.names, asked]).toEqual([['alias.example'], ['_25._tcp.alias.example']]);
  });
});
