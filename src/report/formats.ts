import type { Report } from '../evidence/report.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderJsonl } from './render-jsonl.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';
import { renderSarif } from './render-sarif.js';
import { plain, renderText, type Palette } from './render-text.js';

export interface RenderOptions {
  /** Colours for `text` (the CLI passes picocolors on a TTY); plain when absent. */
  color?: Palette;
  /** `junit`: warn findings fail their test case too. */
  junitWarnAsFailure?: boolean;
}

/** Every output format: one report in, one string out. Renderers only format, never compute. */
export const FORMATS = {
  text: (r: Report, o: RenderOptions) => renderText(r, o.color ?? plain),
  json: renderJson,
  jsonl: renderJsonl,
  markdown: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
  sarif: renderSarif,
  junit: (r: Report, o: RenderOptions) => renderJunit(r, { warnAsFailure: o.junitWarnAsFailure }),
} as const satisfies Record<string, (r: Report, o: RenderOptions) => string>;

export type Format = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as Format[];

export function isFormat(name: string): name is Format {
  return Object.hasOwn(FORMATS, name);
}

export function render(format: Format, report: Report, opts: RenderOptions = {}): string {
  return FORMATS[format](report, opts);
}
