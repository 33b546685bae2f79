import check from './signature-expiry.js';
import { daysFromNow, server, withServers as diagnosed } from '../../test/dns/server-fixtures.js';
import { checkCases } from '../../test/support/check-kit.js';

const withServers = (...servers: ReturnType<typeof server>[]): ReturnType<typeof diagnosed> => diagnosed(servers);

checkCases(check, [
  ['20 days left', withServers(server('test.', '192.0.2.1')), ['ok']],
  ['3 days left', withServers(server('.', '192.0.2.9'), server('test.', '192.0.2.1', { expires: daysFromNow(3.5) })), ['expires-soon']],
  ['exactly the horizon is fine', withServers(server('test.', '192.0.2.1', { expires: daysFromNow(7) })), ['ok']],
  ['one server serves expired signatures', withServers(server('test.', '192.0.2.1'), server('test.', '192.0.2.2', { expires: daysFromNow(-2) })), ['expired']],
  ['unsigned zones only: not applicable', withServers(server('test.', '192.0.2.1', { expires: null })), []],
]);
