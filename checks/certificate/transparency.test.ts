import check from './transparency.js';
import type { SctEvidence } from '../../src/evidence/certificate.js';
import { trustStore } from '../../src/pki/trust-store.js';
import { createHash } from 'node:crypto';
import { checkCases, endpoint, evidence, pki } from '../../test/support/check-kit.js';

const mozillaRoot = createHash('sha256').update(trustStore()[0]!).digest('hex');
const path = ['a'.repeat(64), 'c'.repeat(64), mozillaRoot];
const sct = (log: string, source: SctEvidence['source'] = 'embedded'): SctEvidence => ({ source, logId: log.repeat(64), timestamp: '2026-05-01T00:00:00.000Z' });
const at = (list: SctEvidence[], parts = {}) => evidence({ endpoints: [endpoint({ pki: pki({ path, scts: list.length, sctList: list, ...parts }) })] });

checkCases(check, [
  ['two logs', at([sct('1'), sct('2')]), ['logged']],
  ['TLS extension and embedded', at([sct('1', 'tls'), sct('2')]), ['logged']],
  ['one log twice', at([sct('1'), sct('1', 'ocsp')]), ['too-few']],
  ['none', at([]), ['none']],
  ['private root', at([], { path: ['a'.repeat(64), 'e'.repeat(64)] }), ['private-root']],
  ['untrusted chain', at([], { trusted: false }), []],
]);
