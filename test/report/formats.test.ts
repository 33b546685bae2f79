import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_NAMES, isFormat, render, type Format } from '../../src/report/formats.js';
import { renderText } from '../../src/report/render-text.js';
import { loadReport } from './render-fixtures.js';

const lab = loadReport('lab-scan');
const hostile = loadReport('hostile');

const EXT: Record<Format, string> = { text: 'txt', json: 'json', jsonl: 'jsonl', markdown: 'md', html: 'html', csv: 'csv', sarif: 'sarif', junit: 'xml' };

describe('format registry', () => {
  it('offers the eight formats of issue 9', () => {
    expect(FORMAT_NAMES).toEqual(['text', 'json', 'jsonl', 'markdown', 'html', 'csv', 'sarif', 'junit']);
    expect(isFormat('sarif')).toBe(true);
    expect(isFormat('toString')).toBe(false);
  });

  it('passes the colour palette to text', () => {
    const red = { red: (s: string) => `<r>${s}</r>`, yellow: (s: string) => s, green: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s };
    expect(render('text', lab, { color: red })).toBe(renderText(lab, red));
    expect(render('text', lab, { color: red })).toContain('<r>FAIL</r>');
    expect(render('text', lab)).not.toContain('<r>');
  });
});

describe.each(['text', 'markdown', 'html', 'csv', 'sarif', 'junit'] as const)('%s of a scan with grading mode, trust stamp and fix snippets', (format) => {
  it('matches its golden file', async () => {
    await expect(FORMATS[format](loadReport('lab-scan-graded'), {})).toMatchFileSnapshot(`../../fixtures/evidence/report/golden/lab-scan-graded.${EXT[format]}`);
  });
});

describe.each(FORMAT_NAMES)('%s stamp', (format) => {
  it('names the trust store, the DNSSEC anchors and the grading mode', () => {
    const out = render(format, loadReport('lab-scan-graded'));
    for (const v of ['Node.js 20.20.2 bundled Mozilla roots', '144', '62644', '12e74e9f6316f9408a8d2a96bf0f86bcd90da95e3c6e909ddb995ecb32071ff9', 'simulated']) expect(out).toContain(v);
  });
});

describe.each(FORMAT_NAMES)('%s', (format) => {
  it('matches its golden file for the saved lab scan', async () => {
    await expect(FORMATS[format](lab, {})).toMatchFileSnapshot(`../../fixtures/evidence/report/golden/lab-scan.${EXT[format]}`);
  });

  it('renders the same report the same way twice', () => {
    expect(render(format, lab)).toBe(render(format, lab));
  });

  it('names every target', () => {
    const out = format === 'markdown' ? render(format, lab).replace(/\\(.)/g, '$1') : render(format, lab);
    for (const t of lab.targets) expect(out).toContain(t.host);
  });

  it('lets no terminal control from a hostile report through raw', () => {
    const out = render(format, hostile);
    expect(out).not.toMatch(/[\u0000\u001b]/);
    expect(out).not.toMatch(/[\u0080-\u009f\u2028\u2029\u202e]/);
  });

  it('is stamped with the run: tool, contract, levels, profile, rules, policy, resolver, time', () => {
    const out = render(format, lab);
    const t = lab.targets[0]!;
    for (const v of [lab.tool.version, lab.levelsVersion, t.score.profile, t.score.rulesVersion, lab.policy, lab.resolver.mode, lab.resolver.servers[0]!, lab.resolver.world!, lab.startedAt]) {
      expect(out).toContain(v);
    }
    expect(out).toMatch(/schemaVersion|schema_version/);
  });
});
