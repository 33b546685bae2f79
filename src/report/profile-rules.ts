import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Score } from '../evidence/report.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** Profiles that compute `overall` and `categories`; `tlsGrade` always comes from tls-grade. */
export const PROFILES = ['deploy360', 'ota', 'mozilla'] as const;
export type ProfileName = (typeof PROFILES)[number];
export const DEFAULT_PROFILE: ProfileName = 'deploy360';

export type Category = Score['categories'][number];
export type Item = NonNullable<Category['items']>[number];

/** What a profile evaluator returns: the profile's part of Score. */
export type ProfileScore = Pick<Score, 'profile' | 'rulesVersion' | 'overall' | 'arithmetic' | 'categories' | 'honorRoll' | 'notObservable' | 'mozilla'>;

const cache = new Map<string, unknown>();

/** The versioned rule file src/report/profiles/<name>.json. */
export function profileRules<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'report', 'profiles', `${name}.json`), 'utf8')));
  return cache.get(name) as T;
}

const RANK = { pass: 0, warn: 1, fail: 2 } as const;

/** The worst finding of these checks over all endpoints; info findings never count. */
export function worstFinding(findings: readonly Finding[], checks: readonly string[]): Finding | undefined {
  let worst: Finding | undefined;
  for (const f of findings) {
    if (f.severity === 'info' || !checks.includes(f.check)) continue;
    if (worst === undefined || RANK[f.severity] > RANK[worst.severity as keyof typeof RANK]) worst = f;
  }
  return worst;
}

/** The finding's first web citation, else the profile's page for the category. */
export function fixLink(f: Finding, fallback: string): string {
  return f.citation.find((c) => /^https:\/\//.test(c)) ?? fallback;
}

export function verdictOf(items: readonly Item[]): Category['verdict'] {
  const judged = items.filter((i) => i.outcome !== 'n/a' && i.bonus !== true);
  if (judged.length === 0) return 'n/a';
  return judged.some((i) => i.outcome === 'fail') ? 'fail' : judged.some((i) => i.outcome === 'warn') ? 'warn' : 'pass';
}

/** Numbers in arithmetic strings: at most one decimal, no trailing zeros. */
export const num = (n: number): string => String(Math.round(n * 10) / 10);
