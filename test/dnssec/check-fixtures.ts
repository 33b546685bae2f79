// DNSSEC evidence for the tests of checks/dnssec/.
import type { DnssecEvidence, DnssecZone } from '../../src/evidence/dnssec.js';
import type { TargetEvidence } from '../../src/evidence/target.js';
import { evidence } from '../support/check-kit.js';

export function zone(name: string, status: DnssecZone['status'], algorithms: number[], errors: DnssecZone['errors'] = []): DnssecZone {
  return { zone: name, status, ds: [], dnskeys: algorithms.map((algorithm, i) => ({ keyTag: 1000 + i, algorithm, flags: 257, bits: 256 })), errors };
}

export function dnssec(parts: Partial<DnssecEvidence> = {}): DnssecEvidence {
  return {
    status: 'secure',
    reason: 'SECURE',
    anchor: 'configured',
    strictAlgorithms: false,
    chain: [zone('.', 'secure', [8]), zone('test.', 'secure', [13])],
    rrsets: [{ name: 'site.test.', type: 'A', status: 'secure', reason: 'SECURE' }],
    queries: 5,
    ...parts,
  };
}

/** Target evidence with the dnssec probe's attempt recorded as done. */
export function withDnssec(d?: DnssecEvidence): TargetEvidence {
  return evidence({ attempts: { dns: { status: 'ok' }, dnssec: { status: 'ok' } }, ...(d ? { dnssec: d } : {}) });
}
