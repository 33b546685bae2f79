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
  'search-limit', // path building, or name-constraint checking, hit its work cap
  'chain-too-long', // more intermediates than the caller's maxIntermediates
  'bad-signature',
  'unverifiable-signature', // we cannot check it: MD5, DSA, an unusual curve or encoding
  'expired',
  'not-yet-valid',
  'issuer-not-ca',
  'path-length-exceeded',
  'bad-key-usage',
  'bad-extended-key-usage',
  // RFC 5280 / CA/B Baseline Requirements profile rules (src/pki/profile-rules.ts, key-strength.ts).
  'name-constraint-violation', // a name below a CA lies outside its name constraints
  'bad-name-constraints', // constraints on a non-CA, with nothing in them, or with a malformed subtree
  'unknown-critical-extension',
  'duplicate-extension',
  'bad-extension-criticality', // a known extension marked critical (or not) against the profile
  'missing-key-identifier', // no AKI keyIdentifier below an anchor, or no SKI on a CA
  'bad-authority-key-id', // a root's AKI names an issuer or serial, or differs from its SKI
  'bad-serial-number', // zero, negative or longer than 20 octets
  'bad-subject', // a CA with an empty subject
  'bad-san', // a SAN entry that is not a valid host name, address or mailbox
  'common-name-not-in-san', // a leaf CN that is not a character-for-character copy of a SAN entry
  'ca-as-leaf', // the leaf is a CA certificate or may sign certificates
  'weak-key', // RSA below 2048 bits or not a multiple of 8, an EC curve outside P-256/384/521, DSA
  'weak-signature', // SHA-1 or MD5 in a signature the path relies on (the anchor's own excepted)
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
