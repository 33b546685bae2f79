import { defineCheck } from '../../src/evidence/check.js';
import { caaIssuer, coversByWildcard, evaluateCaa } from '../../src/pki/caa.js';

const FIX_RECORD = 'Reissue the certificate from a CA the record names ({permitted}), or, if {issuer} is your CA, add the record {name} CAA 0 {tag} "{domain}".';

export default defineCheck({
  id: 'certificate.caa',
  area: 'certificate',
  title: 'CAA records permit the certificate\'s issuer',
  cite: ['RFC 8659 §3', 'RFC 8659 §4.2', 'RFC 8659 §4.3', 'RFC 8659 §4.5'],
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
  },
  run: ({ caa, endpoints }, ctx) => {
    if (!caa) return [];
    const host = ctx.target.host;
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
