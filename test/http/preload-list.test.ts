import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPreloadList } from '../../src/cli/preload-list-file.js';
import { DecodeError } from '../../src/engine/errors.js';
import { parsePreloadList, preloadMembership } from '../../src/http/preload-list.js';
import { runCli } from '../support/run-cli.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'preload-list.json');

describe('preload list snapshot', () => {
  const snapshot = loadPreloadList(FIXTURE);

  it('reads Chromium\'s format with its comments, dated by the file\'s modification time', () => {
    expect(snapshot.list.entries.size).toBe(4);
    expect(snapshot.file).toBe('preload-list.json');
    const dir = mkdtempSync(join(tmpdir(), 'encscan-preload-'));
    const copy = join(dir, 'list.json');
    writeFileSync(copy, '{"entries": []}');
    utimesSync(copy, new Date('2026-11-30T12:00:00Z'), new Date('2026-11-30T12:00:00Z'));
    expect(loadPreloadList(copy).date).toBe('2026-11-30T12:00:00.000Z');
  });

  it.each([
    ['site.dev', { preloaded: true, entry: 'dev', mode: 'force-https', includeSubdomains: true }],
    ['exact.example.test', { preloaded: true, entry: 'exact.example.test', mode: 'force-https', includeSubdomains: false }],
    ['www.exact.example.test', { preloaded: false, entry: null, mode: null, includeSubdomains: false }],
    ['pinned.example.test', { preloaded: false, entry: 'pinned.example.test', mode: null, includeSubdomains: true }],
    ['a.b.MIXED.example.test.', { preloaded: true, entry: 'mixed.example.test', mode: 'force-https', includeSubdomains: true }],
    ['example.test', { preloaded: false, entry: null, mode: null, includeSubdomains: false }],
  ])('%s', (host, want) => expect(preloadMembership(snapshot.list, host)).toEqual(want));

  it.each([
    ['not JSON', '{"entries": [}'],
    ['no entries', '{"pinsets": []}'],
    ['entry without a name', '{"entries": [{"mode": "force-https"}]}'],
    ['a comment that is not on its own line', '{"entries": []} // trailing'],
  ])('rejects %s', (_, text) => expect(() => parsePreloadList(text)).toThrow(DecodeError));

  it('is a one-line usage error (exit 3) on the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encscan-preload-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '<html>not the list</html>');
    for (const file of [bad, join(dir, 'missing.json')]) {
      const r = await runCli(['scan', 'example.org', '--preload-list', file]);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('(run with --help'))).toEqual([expect.stringContaining('--preload-list')]);
    }
  });
});
