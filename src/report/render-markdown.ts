import type { Finding, Report, TargetResult } from '../evidence/report.js';
import { escapeMarkdown as md } from './escape.js';
import { printable } from './sanitize.js';
import { categoryIds, findingLocation, findingsAt, helpUrl, stampEntries, targetLabel, verdictOf } from './render-summary.js';
import { scoreView } from './score-view.js';

/**
 * GitHub-flavoured Markdown (job summaries, PR comments, wikis): the run stamp, a verdict table with one
 * row per target, then each target's failures and warnings with their remediation.
 */
export function renderMarkdown(report: Report): string {
  const cats = categoryIds(report);
  const out = ['# encscan report', '', '| stamp | value |', '| --- | --- |'];
  for (const [k, v] of stampEntries(report)) out.push(`| ${k} | ${md(v)} |`);
  out.push('', '## Verdicts', '', row(['target', 'verdict', 'score', 'TLS grade', ...cats]), row(['---', '---', '---:', '---', ...cats.map(() => '---:')]));
  for (const t of report.targets) {
    const scores = cats.map((id) => {
      const c = t.score.categories.find((x) => x.id === id);
      return c === undefined || c.score === null ? 'n/a' : `${c.score} ${c.verdict}`;
    });
    out.push(row([md(targetLabel(t)), verdictOf(t).toUpperCase(), t.score.overall === null ? 'n/a' : `${t.score.overall}`, md(t.score.tlsGrade ?? 'n/a'), ...scores]));
  }
  for (const t of report.targets) out.push('', ...targetSection(t));
  return `${out.join('\n')}\n`;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function targetSection(t: TargetResult): string[] {
  const lines = [`## ${md(targetLabel(t))}: ${verdictOf(t).toUpperCase()}`, ''];
  if (t.input !== t.host) lines.push(`Input: ${md(t.input)}`, '');
  for (const e of t.errors) lines.push(`- **could not finish** ${md(e.stage)}: ${md(e.code)}: ${md(e.message, 200)}`);
  if (t.errors.length > 0) lines.push('');
  lines.push(...scoreSection(t));
  const waived = new Set(t.gate.waived);
  for (const f of findingsAt(t, ['fail', 'warn'])) lines.push(...findingItem(f, waived.has(f.id)));
  for (const r of t.gate.reasons) lines.push(`- gate: ${md(r, 200)}`);
  const passed = t.findings.filter((f) => f.severity === 'pass').length;
  const untested = t.checks.filter((k) => k.status === 'not-tested').map((k) => md(k.id));
  if (lines.at(-1) !== '') lines.push('');
  lines.push(`${passed} passed${untested.length > 0 ? `; not tested: ${untested.join(', ')}` : ''}.`);
  return lines;
}

function findingItem(f: Finding, waived: boolean): string[] {
  const where = findingLocation(f);
  const at = where === undefined ? '' : ` (${md(where)})`;
  const lines = [`- **${f.severity.toUpperCase()}** ${md(f.id)}${at}${waived ? ' (waived by policy)' : ''}: ${md(f.detail)}`];
  if (f.remediation !== undefined) lines.push(`  - Fix: ${md(f.remediation)}`);
  const snippet = f.fix?.snippet;
  if (snippet !== undefined) {
    // Our own template text, never network text; a fence longer than any backtick run keeps it inert.
    const fence = '`'.repeat(Math.max(3, ...[...snippet.config.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    lines.push(`  - ${md(snippet.software)} (${md(snippet.recognisedBy)}), Mozilla ${snippet.profile}:`, '', `    ${fence}`, ...snippet.config.split('\n').map((l) => `    ${printable(l, 1000)}`), `    ${fence}`, '');
  }
  const url = helpUrl(f);
  if (url !== undefined) lines.push(`  - See: <${url}>`);
  return lines;
}

/** The profile's categories with their arithmetic and notes, then the TLS grade and the handshake simulation. */
function scoreSection(t: TargetResult): string[] {
  const v = scoreView(t);
  const out = [`### Score (${md(v.profile)})`, '', row(['category', 'score', 'verdict', 'arithmetic']), row(['---', '---:', '---', '---'])];
  for (const k of v.categories) out.push(row([md(k.id), k.score, k.verdict, md(k.arithmetic, 1000)]));
  out.push('');
  if (v.notes.length > 0) out.push(...v.notes.map((n) => `- ${md(n, 1000)}`), '');
  if (v.grade === null) return out;
  out.push(`### ${md(v.grade.title)}`, '', md(v.grade.arithmetic), '', ...v.grade.notes.map((n) => `- ${md(n, 1000)}`), '');
  if (v.grade.handshakes.length > 0) {
    out.push('Handshake simulation:', '', row(['client', 'protocol', 'cipher suite', 'group']), row(['---', '---', '---', '---']));
    out.push(...v.grade.handshakes.map((cells) => row(cells.map((c) => md(c)))), '');
  }
  return out;
}
