import { printable } from './sanitize.js';

/**
 * Escaping for each output format. Every function first makes control characters visible
 * (`printable`), so no ESC, NUL, newline or U+2028 from the network reaches any output raw.
 */

/** Text inside HTML elements and quoted attribute values. */
export function escapeHtml(s: string, max = 500): string {
  return printable(s, max).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Inline Markdown (GFM): punctuation that could open emphasis, code, links, HTML, table cells or
 * entities is backslash-escaped, and autolink triggers (`://`, `www.`, `@`) are broken up.
 */
export function escapeMarkdown(s: string, max = 500): string {
  return printable(s, max)
    .replace(/[\\`*_{}[\]()<>#+!|~&@]/g, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.');
}

/** XML 1.0 text and attribute values; characters XML 1.0 forbids (lone surrogates, U+FFFE/F) are dropped. */
export function escapeXml(s: string, max = 500): string {
  return printable(s, max)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * One RFC 4180 field. Cells that a spreadsheet would read as a formula (leading = + - @ TAB CR)
 * get a leading apostrophe; fields with a quote or comma are quoted.
 */
export function csvField(s: string): string {
  const visible = printable(s, Number.POSITIVE_INFINITY);
  const safe = /^[=+\-@\t\r]/.test(visible) ? `'${visible}` : visible;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * JSON text with the characters JSON.stringify leaves raw but terminals, line splitters or bidi
 * rendering act on (DEL, C1 controls, U+2028/U+2029, bidi overrides and isolates) written as \u
 * escapes: the same value, safe to print.
 */
export function stringifyJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
