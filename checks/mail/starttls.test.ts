import check from './starttls.js';
import { checkCases, evidence } from '../../test/support/check-kit.js';
import { mailEndpoint, mx, withDane } from '../../test/dane/dane-evidence.js';

const missing = mailEndpoint({ starttls: false, capabilities: [], error: { code: 'ENCSCAN_SMTP_NO_STARTTLS', detail: 'EHLO does not offer STARTTLS' } });
const timedOut = mailEndpoint({ starttls: false, banner: null, capabilities: [], error: { code: 'ENCSCAN_TIMEOUT', detail: 'timeout' } });

checkCases(check, [
  ['offered', withDane({ mail: [mx()] }), ['offered']],
  ['missing on one address', withDane({ mail: [mx({ starttls: false, endpoints: [mailEndpoint(), { ...missing, address: '192.0.2.26' }] })] }), ['offered', 'missing']],
  ['unreachable: not judged', withDane({ mail: [mx({ endpoints: [timedOut] })] }), []],
  ['null MX', withDane({ mail: [], nullMx: true }), ['null-mx']],
  ['no MX', withDane({ mail: [] }), []],
  ['no DANE evidence', evidence(), []],
]);
