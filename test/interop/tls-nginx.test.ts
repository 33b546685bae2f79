import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePki, run, startNginx, toolEnv, type RunningNginx, type NginxTls } from '../support/interop-servers.js';
import {
  difference, encscanAccepted, encscanScan, opensslSuites, protocol, sortedPerVersion, sslscanAccepted, VERSIONS,
  type EncscanView, type PerVersion, type Version,
} from '../support/interop-tls.js';
import { optionalSslscan } from '../support/interop-sslscan.js';
import { requireTool } from '../support/require-tool.js';
import { testedVerdicts } from '../tls-vuln/vuln-evidence.js';
import { suiteProperties } from '../../src/tls/suite-properties.js';

// nginx (Debian, OpenSSL 3) in three TLS profiles: encscan's accepted suites per version must equal
// what the server is configured to accept, derived from `openssl ciphers` and the TLS 1.3 setting.
const nginx = requireTool('nginx', 'nginx');
const openssl = requireTool('openssl', 'openssl');
const sslscan = optionalSslscan();

interface Profile {
  name: string;
  address: string;
  keyType: 'rsa' | 'ecdsa';
  dhe: boolean;
  tls: Omit<NginxTls, 'cert' | 'dhparam'>;
  /** IANA names of ssl_ecdh_curve. */
  groups: string[];
}

const NGINX_VERSION: Record<string, Version> = { TLSv1: 'TLSv1.0', 'TLSv1.1': 'TLSv1.1', 'TLSv1.2': 'TLSv1.2', 'TLSv1.3': 'TLSv1.3' };

const PROFILES: Profile[] = [
  {
    name: 'modern.nginx.test',
    address: '127.0.43.1',
    keyType: 'rsa',
    dhe: false,
    tls: {
      protocols: ['TLSv1.3'],
      ciphers: 'ECDHE+AESGCM',
      ciphersuites: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
      preferServerCiphers: true,
      curves: 'X25519:secp384r1',
    },
    groups: ['x25519', 'secp384r1'],
  },
  {
    name: 'intermediate.nginx.test',
    address: '127.0.43.2',
    keyType: 'ecdsa',
    dhe: false,
    tls: {
      protocols: ['TLSv1.2', 'TLSv1.3'],
      ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305',
      ciphersuites: 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
      preferServerCiphers: false,
      curves: 'X25519:prime256v1:secp384r1',
    },
    groups: ['x25519', 'secp256r1', 'secp384r1'],
  },
  {
    name: 'legacy.nginx.test',
    address: '127.0.43.3',
    keyType: 'rsa',
    dhe: true,
    tls: {
      protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
      ciphers:
        'ECDHE-RSA-AES256-SHA:DHE-RSA-AES128-SHA:AES128-SHA:AES256-SHA:CAMELLIA128-SHA:AES128-SHA256:AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-SHA256:@SECLEVEL=0',
      ciphersuites: 'TLS_AES_128_GCM_SHA256',
      preferServerCiphers: true,
      curves: 'prime256v1:secp384r1',
    },
    groups: ['secp256r1', 'secp384r1'],
  },
];

const dir = mkdtempSync(join(tmpdir(), 'encscan-nginx-'));
const env = toolEnv(dir);
let caFile = '';
const servers = new Map<string, RunningNginx>();

beforeAll(async () => {
  const pki = await makePki(join(dir, 'pki'), env, openssl);
  caFile = pki.caFile;
  const dhparam = join(dir, 'ffdhe2048.pem');
  const dh = await run(openssl, ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048', '-out', dhparam], env);
  if (dh.code !== 0) throw new Error(`openssl genpkey -genparam: ${dh.stderr}`);
  for (const p of PROFILES) {
    const cert = await pki.leaf(p.name, p.keyType);
    servers.set(p.name, await startNginx(join(dir, p.name), p.address, { ...p.tls, cert, ...(p.dhe ? { dhparam } : {}) }, env, nginx));
  }
});

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.stop()));
});

/** What nginx is configured to accept, per version, in its preference order. */
async function expected(p: Profile): Promise<PerVersion> {
  const out: PerVersion = {};
  for (const proto of p.tls.protocols) {
    const v = NGINX_VERSION[proto]!;
    out[v] = v === 'TLSv1.3' ? p.tls.ciphersuites.split(':') : await opensslSuites(openssl, env, p.tls.ciphers, v as 'TLSv1.0' | 'TLSv1.1' | 'TLSv1.2', p);
  }
  return out;
}

describe.each(PROFILES)('nginx $name', (p) => {
  let view: EncscanView;
  let want: PerVersion;
  let seen = 0;
  beforeAll(async () => {
    const s = servers.get(p.name)!;
    want = await expected(p);
    const before = await s.accepts();
    view = await encscanScan(p.name, s.address, s.port, caFile);
    seen = (await s.accepts()) - before - 1; // the status request itself is counted
    console.log(`[nginx ${p.name}] encscan: ${JSON.stringify(encscanAccepted(view.tls))}; nginx counted ${seen} connections, encscan reported ${view.connections} (enumeration ${view.tls.connections})`);
  });

  it('encscan accepts exactly the configured suites per version, and only the configured versions', () => {
    // With the server's order the lists must match in order too; with the client's, as sets.
    if (p.tls.preferServerCiphers) expect(encscanAccepted(view.tls)).toEqual(want);
    else expect(sortedPerVersion(encscanAccepted(view.tls))).toEqual(sortedPerVersion(want));
    for (const v of VERSIONS) expect(protocol(view.tls, v)?.supported ?? false, v).toBe(want[v] !== undefined);
    expect(protocol(view.tls, 'SSLv2')?.supported ?? false).toBe(false);
  });

  it('encscan reports the connections nginx counted (stub_status)', () => {
    expect(view.connections).toBe(seen);
  });

  it('encscan sees the server order setting', () => {
    for (const v of VERSIONS) {
      const found = protocol(view.tls, v);
      if (found?.supported && found.cipherSuites.length > 1) expect(found.serverOrder, v).toBe(p.tls.preferServerCiphers);
    }
  });

  it('encscan finds the configured groups', () => {
    const found = (view.tls.groups ?? []).map((g) => g.name);
    expect([...found].sort()).toEqual([...p.groups].sort());
  });

  it('encscan finds none of the tested weaknesses (every probe that applies says not vulnerable)', () => {
    const tested = testedVerdicts(view.tls.vulnerabilities);
    const legacy = p.tls.protocols.some((v) => v !== 'TLSv1.3');
    const rsaKx = Object.values(encscanAccepted(view.tls)).flat().some((name) => suiteProperties(name).kx === 'RSA');
    const applies = legacy ? ['secure-renegotiation', 'compression', 'heartbleed', 'ccs-injection', 'ticketbleed', ...(rsaKx ? ['robot'] : [])] : [];
    expect(Object.keys(tested)).toEqual(expect.arrayContaining(applies));
    expect(Object.values(tested).every((v) => v === false), JSON.stringify(view.tls.vulnerabilities)).toBe(true);
  });

  it('sslscan accepts no suite encscan missed (recorded for comparison)', async () => {
    if (sslscan === null) {
      console.log(`[nginx ${p.name}] sslscan is not installed: comparison not recorded`);
      return;
    }
    const s = servers.get(p.name)!;
    const theirs = await sslscanAccepted(sslscan, env, s.address, s.port, p.name);
    const ours = encscanAccepted(view.tls);
    console.log(
      `[nginx ${p.name}] sslscan: ${JSON.stringify(theirs.accepted)}\n  only encscan: ${JSON.stringify(difference(ours, theirs.accepted))}\n  only sslscan: ${JSON.stringify(difference(theirs.accepted, ours))}`,
    );
    expect(difference(theirs.accepted, ours)).toEqual({});
  });
});
