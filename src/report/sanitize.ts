/**
 * Strings from the network (certificate fields, headers, DNS names) may carry terminal escapes or
 * newlines; in text output every control character is shown as a visible \xNN escape.
 */
export function printable(s: string, max = 500): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
