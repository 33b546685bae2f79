import type { HstsEvidence } from '../evidence/http.js';

/** Why a Strict-Transport-Security header is invalid or suspect; stable strings for `errors`. */
export type HstsError =
  | 'multiple-headers'
  | 'syntax'
  | 'max-age-missing'
  | 'max-age-invalid'
  | 'duplicate-directive'
  | 'include-subdomains-invalid'
  | 'preload-invalid';

interface Directive {
  name: string;
  value: string | null;
}

/**
 * Parses Strict-Transport-Security values as received (RFC 6797 §6.1). Like browsers, only the first
 * header counts; later ones are noted, not merged. An invalid first header yields valid=false with
 * maxAge null and both flags false, because a browser ignores it entirely.
 */
export function parseHsts(headers: string[]): HstsEvidence {
  const out: HstsEvidence = { raw: [...headers], valid: false, maxAge: null, includeSubDomains: false, preload: false, errors: [] };
  const header = headers[0];
  if (header === undefined) return out;
  const errors = new Set<HstsError>();
  if (headers.length > 1) errors.add('multiple-headers');

  const directives = tokenize(header);
  let maxAge: number | null = null;
  let includeSubDomains = false;
  let preload = false;
  let invalid = directives === null;
  if (directives === null) errors.add('syntax');
  const seen = new Set<string>();
  for (const d of directives ?? []) {
    const known = d.name === 'max-age' || d.name === 'includesubdomains' || d.name === 'preload';
    if (known && seen.has(d.name)) {
      errors.add('duplicate-directive');
      invalid = true;
    }
    seen.add(d.name);
    if (d.name === 'max-age') {
      if (d.value !== null && /^[0-9]+$/.test(d.value)) maxAge = Number(d.value);
      else {
        errors.add('max-age-invalid');
        invalid = true;
      }
    } else if (d.name === 'includesubdomains') {
      if (d.value === null) includeSubDomains = true;
      else {
        errors.add('include-subdomains-invalid');
        invalid = true;
      }
    } else if (d.name === 'preload') {
      if (d.value === null) preload = true;
      else {
        errors.add('preload-invalid');
        invalid = true;
      }
    }
    // Unknown directives are ignored (RFC 6797 §6.1).
  }
  if (directives !== null && !seen.has('max-age')) {
    errors.add('max-age-missing');
    invalid = true;
  }

  out.errors = [...errors];
  if (invalid) return out;
  return { ...out, valid: true, maxAge, includeSubDomains, preload };
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const OWS = /[ \t]/;

/**
 * Splits `[directive] *( ";" [directive] )` with directive = token [ "=" ( token / quoted-string ) ].
 * Names come back lower-cased, quoted values unescaped. Null on any syntax error, which voids the header.
 */
function tokenize(header: string): Directive[] | null {
  const out: Directive[] = [];
  let i = 0;
  const skipOws = (): void => {
    while (i < header.length && OWS.test(header[i]!)) i++;
  };
  const token = (): string => {
    const start = i;
    while (i < header.length && TCHAR.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  while (true) {
    skipOws();
    if (i >= header.length) return out;
    if (header[i] === ';') {
      i++;
      continue;
    }
    const name = token();
    if (name === '') return null;
    skipOws();
    let value: string | null = null;
    if (header[i] === '=') {
      i++;
      skipOws();
      if (header[i] === '"') {
        const quoted = quotedString(header, i);
        if (quoted === null) return null;
        [value, i] = quoted;
      } else {
        value = token();
        if (value === '') return null;
      }
      skipOws();
    }
    if (i < header.length && header[i] !== ';') return null;
    out.push({ name: name.toLowerCase(), value });
  }
}

/** Reads a quoted-string starting at the opening quote; returns the unescaped text and the index after it. */
function quotedString(s: string, start: number): [string, number] | null {
  let text = '';
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') return [text, i + 1];
    if (c === '\\') {
      i++;
      if (i >= s.length) return null;
      text += s[i];
    } else if (c < ' ' && c !== '\t') {
      return null;
    } else {
      text += c;
    }
  }
  return null;
}
