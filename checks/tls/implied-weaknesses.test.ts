import check from './implied-weaknesses.js';
import { checkCases } from '../../test/support/check-kit.js';
import { found, withVulnerabilities } from '../../test/tls-vuln/vuln-evidence.js';
import type { TlsVulnerabilityId } from '../../src/evidence/tls-vulnerabilities.js';

const implied = (yes: TlsVulnerabilityId[], how: 'implied' | 'informational' = 'implied') =>
  withVulnerabilities([
    found('heartbleed', true),
    ...(['poodle', 'sweet32', 'freak', 'logjam'] as const).map((id) => found(id, yes.includes(id), { how: 'implied', connections: 0 })),
    ...(['beast', 'lucky13', 'no-tls13', 'no-aead', 'no-pq-key-exchange'] as const).map((id) => found(id, yes.includes(id), { how, connections: 0 })),
  ]);

checkCases(check, [
  ['modern', implied([]), ['ok']],
  ['informational only', implied(['no-pq-key-exchange'], 'informational'), ['ok', 'no-pq-key-exchange']],
  ['ancient', implied(['poodle', 'sweet32', 'freak', 'logjam', 'beast', 'lucky13', 'no-tls13', 'no-aead'], 'informational'), [
    'poodle', 'sweet32', 'freak', 'logjam', 'beast', 'lucky13', 'no-tls13', 'no-aead',
  ]],
  ['tested results only', withVulnerabilities([found('heartbleed', false)]), []],
]);
