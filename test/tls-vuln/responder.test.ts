// The weakness probes against the scripted responder, each weakness switched on alone: its own
// probe (and no other) must flip from "not vulnerable" to "vulnerable".
import { describe, expect, it } from 'vitest';
import type { TlsPolicy } from '../../src/lab/tls-responder-answer.js';
import { startTlsResponder } from '../../src/lab/tls-responder.js';
import type { VulnPolicy } from '../../src/lab/tls-responder-vulns.js';
import { verdicts, vulnerabilitiesAt } from './support.js';

const RSA_CBC = 0x002f;
const DHE_CBC = 0x0033;
const ECDHE_GCM = 0xc02f;

function policy(vulns: VulnPolicy): TlsPolicy {
  return {
    versions: ['TLSv1.0', 'TLSv1.1', 'TLSv1.2'],
    suites: { 'TLSv1.2': [ECDHE_GCM, RSA_CBC, DHE_CBC], 'TLSv1.1': [RSA_CBC, DHE_CBC], 'TLSv1.0': [RSA_CBC, DHE_CBC] },
    serverOrder: true,
    groups: [23],
    vulns: { rsa: 'uniform', resumesTickets: true, dhGroup: 'RFC 3526 group 14', ...vulns },
  };
}

async function probe(vulns: VulnPolicy) {
  const responder = await startTlsResponder(policy(vulns));
  try {
    return await vulnerabilitiesAt(responder.port);
  } finally {
    await responder.close();
  }
}

const FIXED = {
  'secure-renegotiation': false,
  compression: false,
  'fallback-scsv': false,
  heartbleed: false,
  'ccs-injection': false,
  ticketbleed: false,
  robot: false,
  'dh-group': false,
  // The responder completes no handshake, so renegotiation cannot be tried.
  'client-renegotiation': null,
  poodle: false,
  sweet32: false,
  freak: false,
  logjam: false,
  beast: true,
  lucky13: true,
  'no-tls13': true,
  'no-aead': false,
  'no-pq-key-exchange': true,
};

describe('weakness probes against the scripted responder', () => {
  it('a fixed server: no tested weakness, in a bounded number of connections', async () => {
    const { byId, connections } = await probe({});
    expect(verdicts(byId)).toEqual(FIXED);
    expect([...byId.values()].filter((v) => v.how === 'tested').every((v) => v.connections >= 1)).toBe(true);
    expect(connections).toBeLessThanOrEqual(13);
  });

  it.each<[string, VulnPolicy, string]>([
    ['ignores TLS_FALLBACK_SCSV', { ignoresFallbackScsv: true }, 'fallback-scsv'],
    ['no renegotiation_info', { noSecureRenegotiation: true }, 'secure-renegotiation'],
    ['DEFLATE compression', { compression: true }, 'compression'],
    ['Heartbleed', { heartbleed: true }, 'heartbleed'],
    ['early ChangeCipherSpec', { earlyCcs: true }, 'ccs-injection'],
    ['Ticketbleed', { ticketbleed: true }, 'ticketbleed'],
    ['padding oracle', { rsa: 'oracle' }, 'robot'],
    ['1024-bit Oakley group', { dhGroup: 'RFC 2409 group 2' }, 'dh-group'],
  ])('%s: only its own probe says vulnerable', async (_label, vulns, id) => {
    const { byId } = await probe(vulns);
    expect(verdicts(byId)).toEqual({ ...FIXED, [id]: true });
    expect(byId.get(id)!.how).toBe('tested');
  });

  it('the DH group is named when it is a published one', async () => {
    const { byId } = await probe({ dhGroup: 'RFC 2409 group 2' });
    expect(byId.get('dh-group')).toMatchObject({ groupBits: 1024, knownGroup: 'RFC 2409 group 2' });
  });

  it('Heartbleed evidence holds lengths only, never the bytes that came back', async () => {
    const { byId } = await probe({ heartbleed: true });
    const hb = byId.get('heartbleed')!;
    expect(hb.detail).toMatch(/^heartbeat response of 83 bytes to a 35-byte request claiming 64/);
    expect(Object.keys(hb).sort()).toEqual(['connections', 'detail', 'how', 'id', 'vulnerable']);
  });
});
