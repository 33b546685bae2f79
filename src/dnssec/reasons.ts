// Reason codes of the chain walk, in DNSViz's vocabulary where it has one, each with the RFC section
// that makes the condition a verdict. Evidence carries the code; reports can cite the section.

export const REASONS = {
  SECURE: 'RFC 4035 §5',
  NO_DS_PROVEN: 'RFC 4035 §5.2',
  ALGORITHM_NOT_SUPPORTED: 'RFC 4035 §5.2',
  DIGEST_ALGORITHM_NOT_SUPPORTED: 'RFC 4035 §5.2',
  NO_TRUST_ANCHOR_SIGNING: 'RFC 4035 §5',
  NO_SEP: 'RFC 4035 §5.2',
  DNSKEY_MISSING: 'RFC 4035 §5.2',
  MISSING_RRSIG: 'RFC 4035 §3.1.1',
  SIGNER_NOT_ZONE: 'RFC 4035 §5.3.1',
  RRSIG_LABELS_EXCEED_RRSET_OWNER_LABELS: 'RFC 4035 §5.3.1',
  RRSIG_NO_DNSKEY: 'RFC 4035 §5.3.1',
  DNSKEY_REVOKED_RRSIG: 'RFC 5011 §2.1',
  INCEPTION_IN_FUTURE: 'RFC 4035 §5.3.1',
  EXPIRATION_IN_PAST: 'RFC 4035 §5.3.1',
  SIGNATURE_INVALID: 'RFC 4035 §5.3.3',
  NO_NSEC_MATCHING_SNAME: 'RFC 4035 §3.1.3.1',
  SNAME_NOT_COVERED: 'RFC 4035 §3.1.3.2',
  WILDCARD_NOT_COVERED: 'RFC 4035 §3.1.3.2',
  STYPE_IN_BITMAP: 'RFC 4035 §3.1.3.1',
  NO_CLOSEST_ENCLOSER: 'RFC 5155 §8.3',
  NSEC3_OPT_OUT: 'RFC 5155 §9.2',
  NSEC3_ITERATIONS_TOO_HIGH: 'RFC 9276 §3.2',
  NSEC3_UNSUPPORTED: 'RFC 5155 §8.1',
  WILDCARD_NOT_PROVEN: 'RFC 4035 §5.3.4',
  DNAME_SYNTHESIS_INVALID: 'RFC 6672 §5.3.1',
  TTL_ABOVE_ORIGINAL: 'RFC 4035 §5.3.3',
  TTL_BEYOND_EXPIRATION: 'RFC 4035 §5.3.3',
  REFERRAL_WITH_SOA: 'RFC 4034 §5.2',
  UNABLE_TO_RETRIEVE_DNSSEC_RECORDS: 'RFC 4035 §3.1.1',
  RESPONSE_ERROR: 'RFC 1035 §4.1.1',
  CHAIN_TOO_LONG: 'RFC 1034 §3.6.2',
} as const;

export type ReasonCode = keyof typeof REASONS;

export interface ChainProblem {
  code: ReasonCode;
  /** One plain sentence naming the broken link. */
  message: string;
  server?: string;
}
