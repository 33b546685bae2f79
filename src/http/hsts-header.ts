import { DIALECTS, type HstsDialect, type HstsEvent, type HstsMode, type HstsReader } from './hsts-modes.js';

/** One thing the parser noticed, with the directive (lower case) it concerns. */
export interface HstsIssue {
  code: HstsEvent;
  directive?: string;
}

/** One Strict-Transport-Security value as one implementation reads it. */
export interface HstsHeaderParse {
  mode: HstsMode;
  /** The engine stores (or, with max-age 0, clears) a policy; for hstspreload: no parse error. */
  valid: boolean;
  /** As sent, unclamped; null when absent or unreadable. Read even when `valid` is false. */
  maxAge: number | null;
  /** What the engine keeps after its clamp (Chromium: one year; Firefox: 100 years). */
  effectiveMaxAge: number | null;
  includeSubDomains: boolean;
  preload: boolean;
  issues: HstsIssue[];
  /** The issues that make this engine ignore the header. */
  fatal: HstsEvent[];
}

interface Directive {
  /** Lower case. */
  name: string;
  value: string | null;
}

const UINT64_MAX = 18446744073709551615n;
const TCHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/;
const FLAG_ISSUE = { includesubdomains: 'include-subdomains-invalid', preload: 'preload-invalid' } as const;

/**
 * Reads one Strict-Transport-Security value the way `mode` does (RFC 6797 §6.1 and the engines in
 * hsts-modes.ts): directives split on `;`, names case-insensitive, unknown directives ignored. Pure; never throws.
 */
export function parseHstsHeader(header: string, mode: HstsMode): HstsHeaderParse {
  const d = DIALECTS[mode];
  const parts = splitDirectives(header, d.split);
  const items: Array<Directive | HstsEvent> = [];
  if (parts.length === 1 && isBlank(parts[0]!, d.space)) items.push('empty-header');
  else {
    for (const part of parts) {
      if (isBlank(part, d.space)) items.push('empty-directive');
      else items.push(...(readDirectives(part, d.reader, d.space) ?? ['syntax' as const]));
    }
  }
  return judge(items, mode, d);
}

/** Applies the directives in order: the first usable max-age and flags count; repeats are reported. */
function judge(items: Array<Directive | HstsEvent>, mode: HstsMode, d: HstsDialect): HstsHeaderParse {
  const issues: HstsIssue[] = [];
  let maxAge: number | null = null;
  let includeSubDomains = false;
  let preload = false;
  const seen = new Set<string>();
  for (const item of items) {
    if (typeof item === 'string') {
      issues.push({ code: item });
      continue;
    }
    const { name, value } = item;
    const note = (code: HstsEvent): void => void issues.push({ code, directive: name });
    if (name === 'max-age' && value !== null && value.length > 1 && value.startsWith('0')) note('max-age-leading-zero');
    const problem = valueProblem(name, value, d);
    if (problem !== null) {
      note(problem);
      continue;
    }
    if (name === 'max-age' && BigInt(value!) > UINT64_MAX) note('max-age-overflow');
    if (seen.has(name) && (d.unique === 'all' || d.unique.includes(name))) {
      note('duplicate-directive');
      continue;
    }
    seen.add(name);
    if (name === 'max-age') maxAge = Math.min(Number(value), Number.MAX_VALUE);
    else if (name === 'includesubdomains') includeSubDomains = true;
    else if (name === 'preload') preload = true;
    else note('unknown-directive');
  }
  // Missing only when no max-age was seen at all, not even one that could not be read.
  if (maxAge === null && !issues.some((i) => i.directive === 'max-age' || i.code === 'syntax')) issues.push({ code: 'max-age-missing' });
  const fatal = [...new Set(issues.map((i) => i.code).filter((c) => d.fatal.includes(c)))];
  const effectiveMaxAge = maxAge === null || d.maxAgeCap === null ? maxAge : Math.min(maxAge, d.maxAgeCap);
  return { mode, valid: fatal.length === 0, maxAge, effectiveMaxAge, includeSubDomains, preload, issues, fatal };
}

/**
 * Why a directive cannot count, or null. max-age is delta-seconds (digits only; a leading zero is only
 * noted, and a value past 2^64-1 voids it only where the engine reads a uint64); the flags take no value.
 */
function valueProblem(name: string, value: string | null, d: HstsDialect): HstsEvent | null {
  if (name === 'includesubdomains' || name === 'preload') return value === null ? null : FLAG_ISSUE[name];
  if (name !== 'max-age') return null;
  if (value === null) return 'max-age-no-value';
  if (value === '') return 'max-age-empty';
  if (!/^[0-9]+$/.test(value)) return 'max-age-invalid';
  return BigInt(value) > UINT64_MAX && d.fatal.includes('max-age-overflow') ? 'max-age-overflow' : null;
}

/** Splits on `;`; with `quoted`, a `;` inside a quoted-string (backslash escapes honoured) does not split. */
function splitDirectives(header: string, split: HstsDialect['split']): string[] {
  if (split === 'plain') return header.split(';');
  const parts: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (inQuote && c === '\\') i++;
    else if (c === '"') inQuote = !inQuote;
    else if (c === ';' && !inQuote) {
      parts.push(header.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(header.slice(start));
  return parts;
}

function readDirectives(part: string, reader: HstsReader, space: HstsDialect['space']): Directive[] | null {
  if (reader.kind === 'grammar') {
    const one = readGrammar(part, reader, space);
    return one === null ? null : [one];
  }
  return reader.kind === 'curl' ? readCurl(part) : [readPreloadTool(part)];
}

/** directive = token [ "=" ( token / quoted-string ) ], whitespace around each part; null on a syntax error. */
function readGrammar(part: string, r: Extract<HstsReader, { kind: 'grammar' }>, space: HstsDialect['space']): Directive | null {
  let i = skipSpace(part, 0, space);
  const nameEnd = tokenEnd(part, i);
  const name = part.slice(i, nameEnd).toLowerCase();
  if (name === '' && !r.emptyNameOrValue) return null;
  i = skipSpace(part, nameEnd, space);
  if (i === part.length) return { name, value: null };
  if (part[i] !== '=') return null;
  i = skipSpace(part, i + 1, space);
  let value: string;
  if (part[i] === '"') {
    const quoted = readQuoted(part, i, r);
    if (quoted === null) return null;
    [value, i] = quoted;
  } else {
    const end = tokenEnd(part, i);
    value = part.slice(i, end);
    i = end;
    // `max-age=` and `includeSubDomains=` are reported as what they are; `foo=` is a syntax error.
    if (value === '' && !r.emptyNameOrValue && name !== 'max-age' && name !== 'includesubdomains') return null;
  }
  return skipSpace(part, i, space) === part.length ? { name, value } : null;
}

function readQuoted(s: string, start: number, r: Extract<HstsReader, { kind: 'grammar' }>): [string, number] | null {
  let text = '';
  for (let i = start + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) return [text, i + 1];
    if (c === 0x5c) {
      i++;
      if (i >= s.length || !r.quotedPair(s.charCodeAt(i))) return null;
    } else if (!r.qdtext(c)) return null;
    text += s[i];
  }
  return null;
}

/**
 * curl: at each point a name is matched as a prefix (`max-age` then `=` and digits, optionally quoted;
 * `includeSubDomains` and whatever follows it); anything else is skipped to the end of the directive.
 * After a directive, reading goes on without a separator. On a bad max-age it stops, the header being void.
 */
function readCurl(part: string): Directive[] {
  const out: Directive[] = [];
  const lower = part.replace(/[A-Z]/g, (c) => c.toLowerCase());
  let i = 0;
  for (;;) {
    i = skipSpace(part, i, 'sp-ht');
    if (i === part.length) return out;
    if (lower.startsWith('max-age', i)) {
      i = skipSpace(part, i + 7, 'sp-ht');
      if (part[i] !== '=') return [...out, { name: 'max-age', value: null }];
      const valueStart = skipSpace(part, i + 1, 'sp-ht');
      const quoted = part[valueStart] === '"';
      const digitsStart = quoted ? valueStart + 1 : valueStart;
      i = digitsStart;
      while (i < part.length && part[i]! >= '0' && part[i]! <= '9') i++;
      if (i === digitsStart || (quoted && part[i] !== '"')) return [...out, { name: 'max-age', value: part.slice(valueStart) }];
      out.push({ name: 'max-age', value: part.slice(digitsStart, i) });
      if (quoted) i++;
    } else if (lower.startsWith('includesubdomains', i)) {
      out.push({ name: 'includesubdomains', value: null });
      i += 17;
    } else {
      return [...out, { name: lower.slice(i).trim(), value: null }];
    }
  }
}

/** hstspreload: the trimmed directive equals a name, or starts with it and carries extra parts. */
function readPreloadTool(part: string): Directive {
  const text = trimGo(part);
  const lower = text.toLowerCase();
  for (const name of ['preload', 'includesubdomains'] as const) {
    if (lower.startsWith(name)) return { name, value: lower === name ? null : text.slice(name.length) };
  }
  if (lower.startsWith('max-age=')) return { name: 'max-age', value: text.slice(8) };
  if (lower.startsWith('max-age')) return { name: 'max-age', value: null };
  return { name: lower, value: null };
}

function tokenEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length && TCHAR.test(s[i]!)) i++;
  return i;
}

function skipSpace(s: string, start: number, space: HstsDialect['space']): number {
  let i = start;
  for (;;) {
    const c = s[i];
    if (c === ' ' || c === '\t') i++;
    else if (space === 'lws' && c === '\r' && s[i + 1] === '\n' && (s[i + 2] === ' ' || s[i + 2] === '\t')) i += 3;
    else if (space === 'go' && c !== undefined && GO_SPACE.test(c)) i++;
    else return i;
  }
}

function isBlank(s: string, space: HstsDialect['space']): boolean {
  return skipSpace(s, 0, space) === s.length;
}

// Go's unicode.IsSpace: ASCII \t \n \v \f \r and space, U+0085, U+00A0, and the Unicode Z categories.
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

function trimGo(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && GO_SPACE.test(s[start]!)) start++;
  while (end > start && GO_SPACE.test(s[end - 1]!)) end--;
  return s.slice(start, end);
}
