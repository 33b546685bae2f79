import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../checks/index.gen.js';
import { defaultLevels } from '../../src/report/levels.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { checkFiles, renderRegistry } from '../../scripts/gen-registry.mjs';

const files = checkFiles() as string[];

describe('check registry', () => {
  it('checks/index.gen.ts is up to date (npm run gen)', () => {
    expect(readFileSync(join(PACKAGE_ROOT, 'checks', 'index.gen.ts'), 'utf8')).toBe(renderRegistry());
  });

  it('names every check after its file: <area>.<basename>', () => {
    expect(checks.map((c) => c.id).sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '').replace('/', '.')).sort());
    for (const c of checks) expect(c.id.startsWith(`${c.area}.`)).toBe(true);
  });

  it('has a sibling test for every check', () => {
    const missing = files.filter((f) => !existsSync(join(PACKAGE_ROOT, 'checks', f.replace(/\.ts$/, '.test.ts'))));
    expect(missing).toEqual([]);
  });

  it('has a level for every finding id a check can emit, and no stale level', () => {
    const ids = checks.flatMap((c) => Object.keys(c.outcomes).map((o) => `${c.id}.${o}`)).sort();
    expect(Object.keys(defaultLevels().levels).sort()).toEqual(ids);
  });

  it('gives a remediation for every outcome that can warn or fail', () => {
    const { levels } = defaultLevels();
    const bare = checks.flatMap((c) =>
      Object.entries(c.outcomes)
        .filter(([o, spec]) => ['warn', 'fail'].includes(levels[`${c.id}.${o}`]!) && !spec.fix)
        .map(([o]) => `${c.id}.${o}`),
    );
    expect(bare).toEqual([]);
  });

  it('cites at least one source per check', () => {
    expect(checks.filter((c) => c.cite.length === 0).map((c) => c.id)).toEqual([]);
  });
});
