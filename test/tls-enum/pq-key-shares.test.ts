import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerTls, type TlsPolicy } from '../../src/lab/tls-responder-answer.js';
import { pqServerShareLength, pqShareProblem } from '../../src/lab/tls-responder-pq.js';
import { keyShare, preparePqShares } from '../../src/probes/tls/key-shares.js';
import { buildClientHello } from '../../src/tls/client-hello-builder.js';
import { parseClientHello } from '../../src/tls/client-hello.js';
import type { KeyShareEntry } from '../../src/tls/extension-bodies.js';
import { HandshakeReassembler } from '../../src/tls/handshake.js';
import { RecordStream } from '../../src/tls/record-layer.js';
import { parseServerHello } from '../../src/tls/server-hello.js';
import { enumeratePolicy } from './support.js';

// Share lengths from draft-ietf-tls-ecdhe-mlkem §3 / draft-ietf-tls-mlkem §3 (FIPS 203 sizes).
const SHARES: Array<[string, number, number, number]> = [
  ['MLKEM512', 0x0200, 800, 768],
  ['MLKEM768', 0x0201, 1184, 1088],
  ['MLKEM1024', 0x0202, 1568, 1568],
  ['SecP256r1MLKEM768', 0x11eb, 65 + 1184, 65 + 1088],
  ['X25519MLKEM768', 0x11ec, 1184 + 32, 1088 + 32],
  ['SecP384r1MLKEM1024', 0x11ed, 97 + 1568, 97 + 1568],
];

const policy: TlsPolicy = { versions: ['TLSv1.3'], suites: { 'TLSv1.3': [0x1301] }, serverOrder: true, groups: [0x11ec, 0x11eb, 0x11ed, 29] };

function answerTo(share: KeyShareEntry) {
  const { message } = buildClientHello({
    version: 'TLSv1.3',
    random: new Uint8Array(32),
    cipherSuites: [0x1301],
    supportedGroups: [share.group],
    signatureAlgorithms: [0x0403],
    keyShares: [share],
  });
  const answer = answerTls(policy, parseClientHello(message.subarray(4)))!;
  const record = new RecordStream().push(answer)[0]!;
  if (record.contentType === 21) return { alert: record.fragment[1] };
  const msg = new HandshakeReassembler().push(record.fragment)[0]!;
  return { hello: parseServerHello(msg.body) };
}

describe('post-quantum key shares', () => {
  it.each(SHARES)('%s: a valid encapsulation key of the right length', async (_name, group, length, serverLength) => {
    await preparePqShares([group]);
    const share = keyShare(group)!;
    expect(share.keyExchange.length).toBe(length);
    expect(pqShareProblem(group, share.keyExchange)).toBeNull();
    expect(pqServerShareLength(group)).toBe(serverLength);
  });

  it('random bytes are no encapsulation key: the responder refuses them as a server would', async () => {
    await preparePqShares([0x11ec]);
    const good = answerTo(keyShare(0x11ec)!);
    expect(good.hello?.isHelloRetryRequest).toBe(false);
    expect(good.hello?.keyShareGroup).toBe(0x11ec);
    expect(good.hello?.keyExchange?.length).toBe(1120);
    const bad = answerTo({ group: 0x11ec, keyExchange: new Uint8Array(randomBytes(1216)).fill(0xff, 0, 1184) });
    expect(bad.alert).toBe(47);
  });

  it('group enumeration finds the post-quantum groups in the server order', async () => {
    const { found } = await enumeratePolicy({ ...policy, versions: ['TLSv1.2', 'TLSv1.3'], suites: { 'TLSv1.3': [0x1301], 'TLSv1.2': [0xc02f] } });
    expect(found.protocols.find((p) => p.version === 'TLSv1.3')!.groups.map((g) => g.code)).toEqual([0x11ec, 0x11eb, 0x11ed, 29]);
  });
});
