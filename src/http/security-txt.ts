import type { SecurityTxt } from '../evidence/http.js';

/** Fields RFC 9116 §2.5 defines, as evidence keys. Unknown fields are ignored, as §2.4 allows. */
const LIST_FIELDS = {
  contact: 'contact',
  encryption: 'encryption',
  acknowledgments: 'acknowledgments',
  canonical: 'canonical',
  policy: 'policy',
  hiring: 'hiring',
  csaf: 'csaf',
} as const;

const MAX_LINES = 2000;

/**
 * Parses a security.txt body (RFC 9116). Judging (expiry against the scan clock) is left to the check;
 * here only the file's own rules: Contact and exactly one Expires are required, Preferred-Languages at
 * most once, the media type is text/plain; charset=utf-8, and an OpenPGP cleartext signature may wrap it.
 */
export function parseSecurityTxt(url: string, contentType: string | null, body: Uint8Array): SecurityTxt {
  const errors: string[] = [];
  const type = (contentType ?? '').toLowerCase().replace(/\s+/g, '');
  if (!type.startsWith('text/plain')) errors.push('bad-content-type');
  else if (!type.includes('charset=utf-8')) errors.push('no-utf8-charset');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    errors.push('not-utf8');
    text = new TextDecoder('utf-8').decode(body);
  }
  const signed = text.trimStart().startsWith('-----BEGIN PGP SIGNED MESSAGE-----');
  const fields = emptyFields();
  let expiresSeen = 0;
  let languagesSeen = 0;
  for (const raw of signedBody(text, signed).split(/\r?\n/).slice(0, MAX_LINES)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!m) {
      errors.push('bad-line');
      continue;
    }
    const name = m[1]!.toLowerCase();
    const value = m[2]!.slice(0, 2048);
    if (name === 'expires') {
      expiresSeen++;
      fields.expires = value;
    } else if (name === 'preferred-languages') {
      languagesSeen++;
      fields.preferredLanguages = value;
    } else if (name in LIST_FIELDS) {
      fields[LIST_FIELDS[name as keyof typeof LIST_FIELDS]].push(value);
    }
  }
  if (fields.contact.length === 0) errors.push('missing-contact');
  if (expiresSeen === 0) errors.push('missing-expires');
  if (expiresSeen > 1) errors.push('multiple-expires');
  if (fields.expires !== null && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(fields.expires)) errors.push('bad-expires');
  if (languagesSeen > 1) errors.push('multiple-preferred-languages');
  if (fields.canonical.length > 0 && !fields.canonical.includes(url)) errors.push('canonical-mismatch');
  return { url, status: 200, contentType, signed, fields, errors: [...new Set(errors)] };
}

/** The signed text between the cleartext header and the signature block (RFC 4880 §7), dash-unescaped. */
function signedBody(text: string, signed: boolean): string {
  if (!signed) return text;
  const start = text.indexOf('\n\n', text.indexOf('-----BEGIN PGP SIGNED MESSAGE-----'));
  const end = text.indexOf('-----BEGIN PGP SIGNATURE-----');
  const inner = text.slice(start < 0 ? 0 : start + 2, end < 0 ? undefined : end);
  return inner.replace(/^- /gm, '');
}

export function emptyFields(): SecurityTxt['fields'] {
  return { contact: [], expires: null, encryption: [], acknowledgments: [], preferredLanguages: null, canonical: [], policy: [], hiring: [], csaf: [] };
}
