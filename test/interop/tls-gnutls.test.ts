import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePki, startGnutls, toolEnv, type Server } from '../support/interop-servers.js';
import { optionalSslscan } from '../support/interop-sslscan.js';
import {
  difference, encscanAccepted, encscanScan, gnutlsSuites, protocol, sortedPerVersion, sslscanAccepted, VERSIONS,
  type EncscanView, type PerVersion,
} from '../support/interop-tls.js';
import { requireTool } from '../support/require-tool.js';
import { testedVerdicts } from '../tls-vuln/vuln-evidence.js';

// gnutls-serv with 3DES and RC4, which Debian's OpenSSL 3 cannot serve: encscan's accepted suites per
// version must equal what `gnutls-cli -l` lists for the same priority string.
const gnutlsServ = requireTool('gnutls-serv', 'gnutls-bin');
const gnutlsCli = requireTool('gnutls-cli', 'gnutls-bin');
const socat = requireTool('socat', 'socat');
const unshare = requireTool('unshare', 'util-linux');
const ip = requireTool('ip', 'iproute2');
const openssl = requireTool('openssl', 'openssl');
const sslscan = optionalSslscan();

const NAME = 'legacy.gnutls.test';
const ADDRESS = '127.0.44.1';
const PRIORITY =
  'NONE:+VERS-TLS1.2:+VERS-TLS1.1:+VERS-TLS1.0:+RSA:+ECDHE-RSA:+3DES-CBC:+ARCFOUR-128:+AES-128-CBC:+SHA1:+MD5:+COMP-NULL:+SIGN-ALL:+CURVE-ALL:+CTYPE-X509:%NO_ETM';
const PRIORITY_VERSIONS = ['TLSv1.0', 'TLSv1.1', 'TLSv1.2'] as const;
/** CURVE-ALL in GnuTLS 3.7 (the FFDHE groups apply to DHE only, which this priority leaves out). */
const EC_GROUPS = ['secp256r1', 'secp384r1', 'secp521r1', 'x25519', 'x448'];

const dir = mkdtempSync(join(tmpdir(), 'encscan-gnutls-'));
const env = toolEnv(dir);
let servers: Server[] = [];
let port = 0;
let view: EncscanView;
let want: PerVersion;

beforeAll(async () => {
  if (process.getuid?.() !== 0) throw new Error('the gnutls-serv interop test needs root: gnutls-serv binds all interfaces, so it runs in a private network namespace (unshare -n)');
  const pki = await makePki(join(dir, 'pki'), env, openssl);
  const cert = await pki.leaf(NAME, 'rsa');
  const started = await startGnutls(join(dir, 'gnutls'), ADDRESS, { priority: PRIORITY, cert }, env, { gnutlsServ, socat, unshare, ip });
  servers = started.servers;
  port = started.port;
  const listed = await gnutlsSuites(gnutlsCli, env, PRIORITY);
  const order = ['SSLv3', ...PRIORITY_VERSIONS];
  want = Object.fromEntries(PRIORITY_VERSIONS.map((v) => [v, listed.filter((s) => order.indexOf(s.min) <= order.indexOf(v)).map((s) => s.name)]));
  view = await encscanScan(NAME, ADDRESS, port, pki.caFile);
  console.log(`[gnutls] gnutls-cli -l: ${JSON.stringify(want)}\n[gnutls] encscan: ${JSON.stringify(encscanAccepted(view.tls))} (${view.connections} connections)`);
});

afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe('gnutls-serv with 3DES and RC4', () => {
  it('gnutls-cli lists the seven suites of the priority string', () => {
    expect(want['TLSv1.2']).toHaveLength(7);
  });

  it('encscan accepts exactly the listed suites per version, and only those versions', () => {
    // GnuTLS follows the client's order unless %SERVER_PRECEDENCE is set: compare as sets.
    expect(sortedPerVersion(encscanAccepted(view.tls))).toEqual(sortedPerVersion(want));
    for (const v of VERSIONS) expect(protocol(view.tls, v)?.supported ?? false, v).toBe(want[v] !== undefined);
  });

  it('encscan sees that the server follows the client order', () => {
    for (const v of PRIORITY_VERSIONS) expect(protocol(view.tls, v)?.serverOrder, v).toBe(false);
  });

  it('encscan finds the ECDHE groups of CURVE-ALL', () => {
    expect((view.tls.groups ?? []).map((g) => g.name).sort()).toEqual([...EC_GROUPS].sort());
  });

  it('encscan finds none of the tested weaknesses, and Sweet32 implied by the suites', () => {
    const tested = testedVerdicts(view.tls.vulnerabilities);
    expect(Object.keys(tested)).toEqual(expect.arrayContaining(['secure-renegotiation', 'compression', 'heartbleed', 'ccs-injection', 'robot']));
    expect(Object.values(tested).every((v) => v === false), JSON.stringify(view.tls.vulnerabilities)).toBe(true);
    expect(view.tls.vulnerabilities?.find((v) => v.id === 'sweet32')).toMatchObject({ vulnerable: true, how: 'implied' });
  });

  it('sslscan accepts no suite encscan missed (recorded for comparison)', async () => {
    if (sslscan === null) {
      console.log('[gnutls] sslscan is not installed: comparison not recorded');
      return;
    }
    const theirs = await sslscanAccepted(sslscan, env, ADDRESS, port, NAME);
    const ours = encscanAccepted(view.tls);
    console.log(
      `[gnutls] sslscan: ${JSON.stringify(theirs.accepted)}\n  only encscan: ${JSON.stringify(difference(ours, theirs.accepted))}\n  only sslscan: ${JSON.stringify(difference(theirs.accepted, ours))}`,
    );
    expect(difference(theirs.accepted, ours)).toEqual({});
  });
});
