// Does the leaf carry one of the reference identifiers? subjectAltName entries per RFC 9525; for
// SMTP, RFC 7672 §3.2.3 also accepts the subject CN when there is no DNS subjectAltName.
import type { CertFields } from '../pki/cert-fields.js';
import { matchesHostname } from '../pki/hostname.js';
import type { DaneMode } from './tlsa-record.js';

export function namesMatch(leaf: CertFields, names: string[], mode: DaneMode): boolean {
  const san = { dns: leaf.san?.dns ?? [], ip: leaf.san?.ip ?? [] };
  const dns = mode === 'smtp' && san.dns.length === 0 ? leaf.commonNames : san.dns;
  return names.some((name) => matchesHostname({ dns, ip: san.ip }, name));
}
