import { createHash } from 'node:crypto';
import type { Finding, Report, Score, TargetResult } from '../evidence/report.js';
import { escapeHtml as h } from './escape.js';
import { findingLocation, findingsAt, helpUrl, stampEntries, targetLabel, verdictOf } from './render-summary.js';
import { scoreView } from './score-view.js';

/**
 * One self-contained HTML page: no script, no external asset or font. The only inline code is the
 * <style> element, allowed by its hash in a strict Content-Security-Policy; charts are inline SVG.
 */
export function renderHtml(report: Report): string {
  const stamp = stampEntries(report).map(([k, v]) => `<tr><th>${h(k)}</th><td>${h(v)}</td></tr>`).join('\n');
  const summary = report.targets
    .map((t, i) => `<tr><td><a href="#t${i}">${h(targetLabel(t))}</a></td><td>${verdictBadge(t)}</td><td class="num">${t.score.overall ?? 'n/a'}</td><td>${h(t.score.tlsGrade ?? 'n/a')}</td><td>${bars(t.score)}</td></tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>encscan report ${h(report.startedAt)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>encscan report</h1>
<table class="stamp">
${stamp}
</table>
<h2>Verdicts</h2>
<table class="summary">
<tr><th>target</th><th>verdict</th><th>score</th><th>TLS grade</th><th>categories</th></tr>
${summary}
</table>
${report.targets.map(targetSection).join('\n')}
</body>
</html>
`;
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;max-width:72rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{text-align:left;padding:.25rem .6rem;border-bottom:1px solid #eaeef2;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.stamp th{font-weight:600;color:#57606a}
.badge{display:inline-block;padding:0 .45rem;border-radius:.3rem;font-weight:700;font-size:.85rem;color:#fff}
.pass{background:#1a7f37}.fail{background:#cf222e}.warn{background:#9a6700}.info{background:#57606a}
.incomplete,.error,.undecided{background:#8250df}
.cats{display:grid;grid-template-columns:max-content 104px max-content;gap:.1rem .5rem;align-items:center;font-size:.85rem}
svg.bar rect.track{fill:#eaeef2}svg.bar rect.pass{fill:#1a7f37}svg.bar rect.warn{fill:#bf8700}svg.bar rect.fail{fill:#cf222e}
.finding{margin:.6rem 0;padding:.4rem .6rem;border-left:4px solid #d0d7de;overflow-wrap:anywhere}
.finding.fail{border-color:#cf222e;background:#fff5f5}.finding.warn{border-color:#bf8700;background:#fffbea}.finding.info{border-color:#57606a;background:#f6f8fa}
.finding .id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9rem}
.muted{color:#57606a}
pre{background:#f6f8fa;padding:.5rem .7rem;overflow-x:auto;font-size:.85rem}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
`;

const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'`;

function verdictBadge(t: TargetResult): string {
  const v = verdictOf(t);
  return `<span class="badge ${v}">${v.toUpperCase()}</span>`;
}

/** Category scores as small horizontal bars (0–100), one row per scored category. */
function bars(score: Score): string {
  const rows = score.categories
    .filter((c) => c.score !== null)
    .map((c) => {
      const v = c.verdict === 'n/a' ? 'pass' : c.verdict;
      return `<span>${h(c.id)}</span><svg class="bar" width="104" height="10" viewBox="0 0 104 10" role="img" aria-label="${h(c.id)} ${c.score} of 100"><rect class="track" x="0" y="0" width="104" height="10" rx="2"/><rect class="${v}" x="2" y="2" width="${c.score}" height="6" rx="1"/></svg><span class="num">${c.score} ${h(c.verdict)}</span>`;
    });
  return rows.length === 0 ? '<span class="muted">no scored category</span>' : `<div class="cats">${rows.join('')}</div>`;
}

function targetSection(t: TargetResult, i: number): string {
  const parts = [`<section id="t${i}">`, `<h2>${h(targetLabel(t))} ${verdictBadge(t)}</h2>`];
  const facts = [`status ${h(t.status)}`, `score ${t.score.overall ?? 'n/a'}`, `TLS grade ${h(t.score.tlsGrade ?? 'n/a')}`, `profile ${h(t.score.profile)} ${h(t.score.rulesVersion)}`];
  if (t.input !== t.host) facts.unshift(`input ${h(t.input)}`);
  parts.push(`<p class="muted">${facts.join(' · ')}</p>`, bars(t.score));
  if (t.errors.length > 0) parts.push(`<ul>${t.errors.map((e) => `<li>could not finish: ${h(e.stage)}: ${h(e.code)}: ${h(e.message, 200)}</li>`).join('')}</ul>`);
  parts.push(scoreDetails(t));
  const waived = new Set(t.gate.waived);
  parts.push(...findingsAt(t, ['fail', 'warn', 'info']).map((f) => findingBlock(f, waived.has(f.id))));
  if (t.gate.reasons.length > 0) parts.push(`<p>Gate: ${t.gate.reasons.map((r) => h(r, 200)).join('; ')}</p>`);
  const passed = t.findings.filter((f) => f.severity === 'pass').length;
  const untested = t.checks.filter((k) => k.status === 'not-tested').map((k) => h(k.id));
  parts.push(`<p class="muted">${passed} passed${untested.length > 0 ? `; not tested: ${untested.join(', ')}` : ''}</p>`, '</section>');
  return parts.join('\n');
}

function findingBlock(f: Finding, waived: boolean): string {
  const url = helpUrl(f);
  const where = findingLocation(f);
  return [
    `<div class="finding ${f.severity}">`,
    `<span class="badge ${f.severity}">${f.severity.toUpperCase()}</span> <span class="id">${h(f.id)}</span>`,
    where === undefined ? '' : ` <span class="muted">${h(where)}</span>`,
    waived ? ' <span class="muted">(waived by policy)</span>' : '',
    `<div>${h(f.detail)}</div>`,
    f.remediation === undefined || f.severity === 'info' ? '' : `<div><strong>Fix:</strong> ${h(f.remediation)}</div>`,
    f.fix === undefined ? '' : snippetBlock(f.fix.snippet),
    url === undefined ? '' : `<div class="muted">See <a href="${h(url)}" rel="noreferrer noopener">${h(url)}</a></div>`,
    '</div>',
  ].join('');
}

/** Each line escaped on its own: escapeHtml makes a newline visible as \x0a, which a <pre> must not show. */
function snippetBlock(s: NonNullable<Finding['fix']>['snippet']): string {
  return `<div>${h(s.software)} (${h(s.recognisedBy)}), Mozilla ${h(s.profile)}:<pre>${s.config.split('\n').map((l) => h(l, 1000)).join('\n')}</pre></div>`;
}

/** The profile's arithmetic, notes and the TLS grade with its handshake simulation, folded by default. */
function scoreDetails(t: TargetResult): string {
  const v = scoreView(t);
  const cats = v.categories.map((k) => `<tr><td>${h(k.id)}</td><td class="num">${h(k.score)}</td><td>${h(k.verdict)}</td><td>${h(k.arithmetic, 1000)}</td></tr>`).join('');
  const parts = [
    `<details><summary>Score: ${h(v.profile)}</summary>`,
    `<table><tr><th>category</th><th>score</th><th>verdict</th><th>arithmetic</th></tr>${cats}</table>`,
    v.notes.length === 0 ? '' : `<ul>${v.notes.map((n) => `<li>${h(n, 1000)}</li>`).join('')}</ul>`,
    '</details>',
  ];
  if (v.grade !== null) {
    const g = v.grade;
    const sims = g.handshakes.map((cells) => `<tr>${cells.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('');
    parts.push(
      `<details><summary>${h(g.title)}</summary><p>${h(g.arithmetic)}</p>`,
      `<ul>${g.notes.map((n) => `<li>${h(n, 1000)}</li>`).join('')}</ul>`,
      sims === '' ? '' : `<table><caption>Handshake simulation</caption><tr><th>client</th><th>protocol</th><th>cipher suite</th><th>group</th></tr>${sims}</table>`,
      '</details>',
    );
  }
  return parts.join('\n');
}
