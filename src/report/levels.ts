import { readFileSync } from 'node:fs';
import { SEVERITIES } from '../evidence/constants.js';
import type { Severity } from '../evidence/report.js';
import { EncscanError } from '../engine/errors.js';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export interface Levels {
  levelsVersion: string;
  vars: Record<string, number>;
  levels: Record<string, Severity>;
}

/** The one versioned file that gives every finding code its level; checks never choose levels. */
const LEVELS_FILE = join(PACKAGE_ROOT, 'src', 'report', 'levels.json');

let cached: Levels | undefined;

export function defaultLevels(): Levels {
  cached ??= parseLevels(JSON.parse(readFileSync(LEVELS_FILE, 'utf8')) as unknown);
  return cached;
}

export function parseLevels(data: unknown): Levels {
  const d = data as Partial<Levels> | null;
  if (!d || typeof d.levelsVersion !== 'string' || typeof d.levels !== 'object' || typeof d.vars !== 'object') {
    throw new EncscanError('ENCSCAN_BAD_FILE', 'levels file needs levelsVersion, vars and levels');
  }
  for (const [id, level] of Object.entries(d.levels ?? {})) {
    if (!(SEVERITIES as readonly string[]).includes(level)) {
      throw new EncscanError('ENCSCAN_BAD_FILE', `levels file: "${id}" has unknown level "${String(level)}"`);
    }
  }
  return d as Levels;
}

/** A code missing from the levels file is a load error, never a silent default. */
export function levelOf(levels: Levels, findingId: string): Severity {
  const level = levels.levels[findingId];
  if (level === undefined) throw new EncscanError('ENCSCAN_INTERNAL', `no level for finding "${findingId}"`);
  return level;
}

/** A policy's severity overrides merged over the levels file; an unknown id is a usage error. */
export function withOverrides(levels: Levels, overrides: Record<string, Severity> | undefined): Levels {
  if (!overrides) return levels;
  for (const id of Object.keys(overrides)) {
    if (!(id in levels.levels)) throw new EncscanError('ENCSCAN_BAD_FILE', `policy: no finding id "${id}" to override`);
  }
  return { ...levels, levels: { ...levels.levels, ...overrides } };
}
