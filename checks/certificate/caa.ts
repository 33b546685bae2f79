import type { CaaEvidence } from '../../src/evidence/caa.js';
import { defineCheck } from '../../src/evidence/check.js';
import type { DnssecEvidence, DnssecRrset } from '../../src/evidence/dnssec.js';
import { caaIssuer, coversByWildcard, evaluateCaa } from '../../src/pki/caa.js';

const bare = (name: string): string => name.replace(/\.$/, '').toLowerCase();

/**
 * The first bogus RRset behind the climb: a CAA answer or its denial, or an alias link at a climbed name.
 * A CA validating DNSSEC stops there with a lookup failure, which never permits issuance in a signed zone.
 */
function bogusCaa(caa: CaaEvidence, dnssec: DnssecEvidence | undefined): DnssecRrset | undefined {
  const climbed = new Set(caa.climbed.map(bare));
  return dnssec?.rrsets.find((r) => r.status === 'bogus' && (r.type === 'CAA' || ((r.type === 'CNAME' || r.type === 'DNAME') && climbed.has(bare(r.name)))));
}

const FIX_RECORD = 'Reissue the certificate from a CA the record names ({permitted}), or, if {issuer} is your CA, add the record {name} CAA 0 {tag} "{domain}".';

export default defineCheck({
  id: 'certificate.caa',
  area: 'certificate',
  title: 'CAA records permit the certificate\'s issuer',
  cite: ['RFC 8659 §3', 'RFC 8659 §4.2', 'RFC 8659 §4.3', 'RFC 8659 §4.5', 'CA/B Baseline Requirements §3.2.2.8'],
  needs: ['caa', 'tls'],
  outcomes: {
    'permits-issuer': { text: 'the CAA {tag} records at {name} permit {issuer} ({domain})' },
    'no-caa': {
      text: 'no CAA {tag} records from {host} up to its top-level domain: any CA may issue for it',
      fix: 'Publish a CAA record naming the CA you use, so no other CA may issue for the name (for Let\'s Encrypt: {host} CAA 0 issue "letsencrypt.org").',
    },
    'forbids-issuer': {
      text: 'the live certificate comes from {issuer} ({domain}), but the CAA {tag} records at {name} permit only: {permitted}',
      fix: FIX_RECORD,
    },
    'issuer-unknown': { text: 'the CAA {tag} records at {name} permit {permitted}; encscan does not know the CAA domain of {issuer}' },
    invalid: {
      text: 'the CAA records at {name} forbid all issuance: {reason}',
      fix: 'Fix the CAA records at {name}: remove the critical flag from properties CAs do not understand and write issue values as "ca.example" or ";".',
    },
    bogus: {
      text: 'the CAA answer for {name} fails DNSSEC validation ({message}): CAs that validate DNSSEC cannot read it and will not issue for {host}',
      fix: 'Repair DNSSEC for {name} (see the dnssec findings): a bogus CAA answer is a lookup failure, which a CA may not take as permission in a signed zone.',
    },
    // One fault, one failure: when the host's own addresses are bogus too, dnssec.chain reports it.
    'bogus-zone': { text: 'the CAA answer for {name} is bogus along with the host\'s addresses (see dnssec.chain): CAs that validate DNSSEC will not issue for {host}' },
  },
  run: ({ caa, endpoints, dnssec }, ctx) => {
    if (!caa) return [];
    const host = ctx.target.host;
    const bogus = bogusCaa(caa, dnssec);
    if (bogus) return [ctx.emit(dnssec!.status === 'bogus' ? 'bogus-zone' : 'bogus', { name: bare(bogus.name), message: bogus.message ?? bogus.reason, host })];
    const leaves = new Map(endpoints.flatMap((ep) => (ep.certificates?.[0] ? [[ep.certificates[0].issuer, ep.certificates[0]] as const] : [])));
    return [...leaves.values()].map((leaf) => {
      const known = caaIssuer(leaf.issuer);
      const wildcard = coversByWildcard(leaf.san.dns, host);
      const verdict = evaluateCaa(caa.records, wildcard, known?.domains ?? null);
      const issuer = known?.name ?? leaf.issuer;
      const domain = known?.domains[0] ?? '';
      const name = caa.name ?? host;
      switch (verdict.kind) {
        case 'none':
          return ctx.emit('no-caa', { host, tag: wildcard ? 'issuewild/issue' : 'issue' });
        case 'invalid':
          return ctx.emit('invalid', { name, reason: verdict.reason });
        case 'unknown-issuer':
          return ctx.emit('issuer-unknown', { name, tag: verdict.tag, issuer, permitted: verdict.permitted.join(', ') || 'no CA' });
        default:
          return ctx.emit(verdict.kind === 'permits' ? 'permits-issuer' : 'forbids-issuer', {
            name,
            tag: verdict.tag,
            issuer,
            domain,
            permitted: verdict.permitted.join(', ') || 'no CA',
          });
      }
    });
  },
});
