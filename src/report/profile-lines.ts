import type { Score } from '../evidence/report.js';
import type { Palette } from './render-text.js';
import { printable } from './sanitize.js';

/** Differences shown per category in text; JSON has them all. */
const SHOWN = 6;

/** The selected profile's arithmetic for the text report: one line per scored category, then its verdicts. */
export function profileLines(score: Score, c: Palette): string[] {
  const out: string[] = [];
  for (const k of score.categories) {
    if (k.verdict === 'n/a' || k.arithmetic === undefined) continue;
    out.push(c.dim(`    ${k.id}: ${printable(String(k.arithmetic), 400)}`));
    for (const i of k.items ?? []) if (i.link !== undefined) out.push(c.dim(`      ${i.outcome} ${i.finding ?? i.id}: see ${printable(i.link)}`));
    const diffs = k.differences ?? [];
    for (const d of diffs.slice(0, SHOWN)) out.push(c.dim(`      differs: ${printable(d, 200)}`));
    if (diffs.length > SHOWN) out.push(c.dim(`      … and ${diffs.length - SHOWN} more differences (the JSON report lists them all)`));
  }
  if (score.arithmetic !== undefined) out.push(c.dim(`  ${score.profile}: ${printable(score.arithmetic, 400)}`));
  if (score.mozilla?.meets !== undefined) {
    const m = score.mozilla;
    out.push(`  Mozilla guidelines (${m.guidelines}): ${m.meets === null ? c.red('no configuration met') : `meets ${c.bold(m.meets)}`}` + (m.next === null ? '' : `, ${m.differences.length} difference(s) from ${m.next}`));
  }
  if (score.honorRoll !== undefined) out.push(`  OTA Honor Roll: ${score.honorRoll === null ? c.yellow('undecided') : score.honorRoll ? c.green('yes') : c.red('no')}`);
  if (score.notObservable !== undefined && score.notObservable.length > 0) out.push(c.dim(`  not observable, not scored: ${score.notObservable.join('; ')}`));
  return out;
}
