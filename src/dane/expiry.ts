// When a DANE match stops vouching for the server: the leaf for an end-entity match, and for a
// trust-anchor match every certificate below the anchor (whose own dates do not count, RFC 7671
// §5.2.2). For DANE-EE the date still matters in practice: a renewal may bring a new key.

/** Earliest notAfter of the certificates the match at `depth` vouches for, or null without a match. */
export function matchExpiry(notAfters: readonly Date[], depth: number | null): Date | null {
  if (depth === null || notAfters.length === 0) return null;
  const vouched = notAfters.slice(0, Math.max(depth, 1));
  return new Date(Math.min(...vouched.map((d) => d.getTime())));
}
