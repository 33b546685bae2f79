import type { Check, ProbeId } from '../evidence/check.js';
import { UsageError } from './errors.js';

/**
 * `--checks tls,hsts,-tls.protocol-version`: ids or areas; a leading '-' excludes. Only exclusions
 * means "everything but". Unknown names are a usage error, so a typo never silently disables a gate.
 */
export function selectChecks(all: readonly Check[], spec: string | undefined): Check[] {
  if (spec === undefined || spec.trim() === '') return [...all];
  const terms = spec.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const includes = terms.filter((t) => !t.startsWith('-'));
  const excludes = terms.filter((t) => t.startsWith('-')).map((t) => t.slice(1));
  for (const t of [...includes, ...excludes]) {
    if (!all.some((c) => matches(c, t))) throw new UsageError(`--checks: no check or area named "${t}"`);
  }
  return all.filter(
    (c) => (includes.length === 0 || includes.some((t) => matches(c, t))) && !excludes.some((t) => matches(c, t)),
  );
}

function matches(check: Check, term: string): boolean {
  return check.id === term || check.area === term;
}

export function probesFor(checks: readonly Check[]): Set<ProbeId> {
  return new Set(checks.flatMap((c) => c.needs));
}
