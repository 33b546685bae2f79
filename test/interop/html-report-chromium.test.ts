import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { Report } from '../../src/evidence/report.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import { render } from '../../src/report/formats.js';
import { requireTool } from '../support/require-tool.js';

// The HTML report opened in a real browser: readable, and nothing from a hostile server runs.
// Playwright gives each launch a fresh, empty profile; the flags keep Chromium off the network.
const executablePath = requireTool('chromium', 'chromium');
const artifacts = join(PACKAGE_ROOT, 'test-artifacts');
const load = (name: string) => JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'evidence', 'report', name), 'utf8')) as Report;

let browser: Browser;
beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
      '--disable-background-networking', '--disable-component-update',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['lab-scan.json', 'lab'],
  ['hostile.json', 'hostile'],
])('HTML report of %s in Chromium', (fixture, name) => {
  it('renders with no script, no dialog and no CSP violation, and shows hostile text as text', async () => {
    const report = load(fixture);
    const file = join(artifacts, `report-${name}.html`);
    writeFileSync(file, render('html', report));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const dialogs: string[] = [];
    const consoleErrors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(`file://${file}`);
    await page.screenshot({ path: join(artifacts, `report-${name}.png`), fullPage: true });
    expect(await page.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const text = await page.locator('body').innerText();
    if (name === 'lab') for (const t of report.targets) expect(text).toContain(t.displayHost);
    // Hostile markup arrives as visible text; terminal escapes as visible \x1b.
    else expect(text).toMatch(/<script>[\s\S]*\\x1b/);
    await page.close();
  });
});
