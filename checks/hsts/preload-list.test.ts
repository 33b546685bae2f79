import check from './preload-list.js';
import type { PreloadListEvidence } from '../../src/evidence/http.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';

const stamp = { file: 'transport_security_state_static.json', date: '2026-11-30T12:00:00.000Z', entries: 3 };
const ev = (preload: PreloadListEvidence | undefined) => evidence({ http: { redirects: { http: [], https: [] }, hsts: null, ...(preload ? { preload } : {}) } });

checkCases(check, [
  ['listed through a parent', ev({ ...stamp, preloaded: true, entry: 'example', mode: 'force-https', includeSubdomains: true }), ['listed']],
  ['pinning-only entry', ev({ ...stamp, preloaded: false, entry: 'site.example', mode: null, includeSubdomains: false }), ['not-listed']],
  ['no --preload-list', ev(undefined), []],
]);
