import check from './dh-group.js';
import { checkCases } from '../../test/support/check-kit.js';
import { found, withVulnerabilities } from '../../test/tls-vuln/vuln-evidence.js';

const group = (groupBits: number, knownGroup: string | null) => withVulnerabilities([found('dh-group', groupBits < 2048, { groupBits, knownGroup })]);

checkCases(check, [
  ['ffdhe2048', group(2048, 'RFC 7919 ffdhe2048'), ['ok']],
  ['server-made 4096', group(4096, null), ['ok']],
  ['server-made 1024', group(1024, null), ['weak']],
  ['Oakley group 2', group(1024, 'RFC 2409 group 2'), ['common-prime']],
  ['export 512', group(512, null), ['broken']],
  ['unreadable', withVulnerabilities([found('dh-group', null)]), ['unknown']],
  ['no DHE', withVulnerabilities([]), []],
]);
