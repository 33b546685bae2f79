// Stable codes for PkiEvidence.errors. Checks branch on these; never rename one, only add.
// validateChain reports them in this order, each at most once.
//
// How the end of a path is classified (AIA fetching is not done here):
// - the path reaches a trust anchor                        → no path-end error
// - the leaf itself is self-signed and not an anchor       → 'self-signed'
// - it ends at another self-signed cert that is no anchor  → 'untrusted-root'
// - it ends at a cert whose issuer is neither sent nor in the store → 'incomplete-chain'.
//   Without AIA we cannot tell a missing intermediate from a private CA whose root was
//   (correctly) not sent, so a lab chain (leaf + intermediate) checked against Node's store
//   alone is 'incomplete-chain'; sending the lab root as well makes it 'untrusted-root'.
export const CHAIN_ERRORS = [
  'no-certificate', // the server sent no certificate
  'malformed-certificate', // the leaf does not decode, or a path cert has an undecodable extension
  'self-signed',
  'untrusted-root',
  'incomplete-chain',
  'search-limit', // path building hit its depth or work cap before reaching an end
  'bad-signature',
  'unverifiable-signature', // we cannot check it: MD5, DSA, an unusual curve or encoding
  'expired',
  'not-yet-valid',
  'issuer-not-ca',
  'path-length-exceeded',
  'bad-key-usage',
  'bad-extended-key-usage',
  // Name facts, not path facts: they never make `trusted` false. 'no-san' (no DNS or IP SAN)
  // always comes with 'hostname-mismatch'. Without a decodable leaf, hostnameMatch is false
  // and only 'no-certificate' or 'malformed-certificate' is reported.
  'no-san',
  'hostname-mismatch',
] as const;

export type ChainError = (typeof CHAIN_ERRORS)[number];

/** Where an error applies: index in `path` (0 = leaf). */
export interface ChainErrorDetail {
  code: ChainError;
  depth: number;
}
