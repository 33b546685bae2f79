// A real signed DNS hierarchy for interop tests and the benchmark: root → test. → child zones, signed by
// BIND's dnssec-signzone and by ldns-signzone (good and deliberately broken), served by one NSD per level
// on its own loopback address, port 53 (NS and glue carry no port), plus a validating Unbound with the
// same trust anchor. Needs root for port 53. Every process is started here and stopped by its pid.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { startGroup, startUnbound, waitForPort, type Server } from '../support/interop-servers.js';

/** Loopback addresses (127.0.53.46-49): root, test., the child zones, Unbound. */
export const TREE_ADDRESS = { root: '127.0.53.46', test: '127.0.53.47', children: '127.0.53.48', unbound: '127.0.53.49' } as const;

export type Verdict = 'secure' | 'insecure' | 'bogus';

interface Child {
  zone: string;
  signer: 'bind' | 'ldns' | 'none';
  algorithm?: string;
  /** expired: signed for January 2020; bad-ds: test. has the DS of a key the zone lacks; no-rrsig: www's RRSIG removed. */
  fault?: 'expired' | 'bad-ds' | 'no-rrsig';
  /** Hashed denial (RFC 5155) with the RFC 9276 parameters: no salt, no extra iterations. */
  nsec3?: boolean;
}

const CHILDREN: Child[] = [
  { zone: 'bind-good.test', signer: 'bind' },
  { zone: 'bind-expired.test', signer: 'bind', fault: 'expired' },
  { zone: 'bind-bad-ds.test', signer: 'bind', fault: 'bad-ds' },
  { zone: 'bind-no-rrsig.test', signer: 'bind', fault: 'no-rrsig' },
  { zone: 'bind-rsasha1.test', signer: 'bind', algorithm: 'RSASHA1' },
  { zone: 'bind-nsec3.test', signer: 'bind', nsec3: true },
  { zone: 'ldns-good.test', signer: 'ldns' },
  { zone: 'ldns-ed25519.test', signer: 'ldns', algorithm: 'ED25519' },
  { zone: 'ldns-expired.test', signer: 'ldns', fault: 'expired' },
  { zone: 'ldns-bad-ds.test', signer: 'ldns', fault: 'bad-ds' },
  { zone: 'ldns-nsec3.test', signer: 'ldns', nsec3: true },
  { zone: 'unsigned.test', signer: 'none' },
];

/** The names the tests ask about and the verdict each must get (RFC 4035 §4.3). */
export const EXPECTED: ReadonlyArray<[string, Verdict]> = [
  ['www.bind-good.test', 'secure'],
  ['missing.bind-good.test', 'secure'],
  ['www.bind-expired.test', 'bogus'],
  ['www.bind-bad-ds.test', 'bogus'],
  ['www.bind-no-rrsig.test', 'bogus'],
  ['www.bind-rsasha1.test', 'secure'],
  ['www.ldns-good.test', 'secure'],
  ['www.ldns-ed25519.test', 'secure'],
  ['missing.ldns-good.test', 'secure'],
  ['www.ldns-expired.test', 'bogus'],
  ['www.ldns-bad-ds.test', 'bogus'],
  ['www.unsigned.test', 'insecure'],
  ['www.bind-nsec3.test', 'secure'],
  ['missing.bind-nsec3.test', 'secure'],
  ['www.ldns-nsec3.test', 'secure'],
  ['missing.ldns-nsec3.test', 'secure'],
];

export interface DnssecTree {
  rootHintsFile: string;
  trustAnchorFile: string;
  stop(): Promise<void>;
}

const EXPIRED = ['20200101000000', '20200201000000'] as const;
const ENV = { PATH: process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin' };

function zoneText(origin: string, ns: string, address: string, extra: string[] = []): string {
  const o = origin === '.' ? '.' : `${origin}.`;
  return [`$TTL 300`, `${o} IN SOA ${ns} hostmaster.${o === '.' ? '' : o} 2026120201 7200 900 1209600 300`, `${o} IN NS ${ns}`, `${ns} IN A ${address}`, ...extra, ''].join('\n');
}

/** Runs a signing tool in `dir` (ldns-keygen writes its keys to the working directory). */
function must(dir: string, cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd: dir, env: ENV, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd} ${args.join(' ')} failed in ${dir}: ${stderr}`)) : resolve(stdout),
    );
  });
}

/** BIND: KSK + ZSK in `dir`, signed in full one-record-per-line form; returns the DS lines of the KSK. */
async function signWithBind(dir: string, zone: string, file: string, algorithm: string, fault?: Child['fault'], nsec3?: boolean): Promise<string> {
  const ksk = (await must(dir, 'dnssec-keygen', ['-q', '-K', dir, '-a', algorithm, '-f', 'KSK', zone])).trim();
  await must(dir, 'dnssec-keygen', ['-q', '-K', dir, '-a', algorithm, zone]);
  const window = fault === 'expired' ? ['-P', '-s', EXPIRED[0], '-e', EXPIRED[1]] : [];
  const denial = nsec3 ? ['-3', '-', '-H', '0'] : [];
  await must(dir, 'dnssec-signzone', ['-K', dir, '-S', '-O', 'full', ...window, ...denial, '-d', dir, '-o', zone, '-f', `${file}.signed`, file]);
  if (fault === 'no-rrsig') {
    const kept = readFileSync(`${file}.signed`, 'utf8').split('\n').filter((l) => !new RegExp(`^www\\.${zone.replace(/\./g, '\\.')}\\.\\s+\\d+\\s+IN\\s+RRSIG\\s+A\\s`).test(l));
    writeFileSync(`${file}.signed`, kept.join('\n'));
  }
  return must(dir, 'dnssec-dsfromkey', ['-2', join(dir, `${ksk}.key`)]);
}

/** ldns: KSK + ZSK (ldns-keygen writes the KSK's DS beside it). */
async function signWithLdns(dir: string, zone: string, file: string, algorithm: string, fault?: Child['fault'], nsec3?: boolean): Promise<string> {
  const keygen = async (ksk: boolean): Promise<string> => join(dir, (await must(dir, 'ldns-keygen', ['-a', algorithm, ...(ksk ? ['-k'] : []), zone])).trim());
  const ksk = await keygen(true);
  const zsk = await keygen(false);
  const window = fault === 'expired' ? ['-i', EXPIRED[0], '-e', EXPIRED[1]] : [];
  const denial = nsec3 ? ['-n', '-t', '0'] : [];
  await must(dir, 'ldns-signzone', [...window, ...denial, '-o', zone, '-f', `${file}.signed`, file, ksk, zsk]);
  return readFileSync(`${ksk}.ds`, 'utf8');
}

/** Signs `file` for `zone`; returns the DS lines the parent should publish (or a wrong one for bad-ds). */
async function sign(dir: string, c: Pick<Child, 'zone' | 'signer' | 'algorithm' | 'fault' | 'nsec3'>, file: string): Promise<string> {
  const algorithm = c.algorithm ?? 'ECDSAP256SHA256';
  const ds = c.signer === 'bind' ? await signWithBind(dir, c.zone, file, algorithm, c.fault, c.nsec3) : await signWithLdns(dir, c.zone, file, algorithm, c.fault, c.nsec3);
  if (c.fault !== 'bad-ds') return ds;
  // A KSK that never enters the zone: its DS matches nothing the zone serves.
  mkdirSync(join(dir, 'other'), { recursive: true });
  const other = (await must(dir, 'dnssec-keygen', ['-q', '-K', join(dir, 'other'), '-a', algorithm, '-f', 'KSK', c.zone])).trim();
  return must(dir, 'dnssec-dsfromkey', ['-2', join(dir, 'other', `${other}.key`)]);
}

function nsdConfig(dir: string, name: string, address: string, zones: Array<{ zone: string; file: string }>): string {
  const conf = join(dir, `${name}.nsd.conf`);
  const server = [
    'server:',
    `  ip-address: ${address}`,
    '  port: 53',
    '  do-ip6: no',
    '  database: ""',
    '  username: ""',
    `  pidfile: "${join(dir, `${name}.nsd.pid`)}"`,
    `  xfrdfile: "${join(dir, `${name}.xfrd.state`)}"`,
    `  zonelistfile: "${join(dir, `${name}.zone.list`)}"`,
    `  zonesdir: "${dir}"`,
    `  logfile: "${join(dir, `${name}.nsd.log`)}"`,
    '  server-count: 1',
    'remote-control:',
    '  control-enable: no',
  ];
  const zoneLines = zones.flatMap((z) => ['zone:', `  name: "${z.zone}"`, `  zonefile: "${z.file}"`]);
  writeFileSync(conf, [...server, ...zoneLines, ''].join('\n'));
  return conf;
}

/** Builds, signs and serves the hierarchy in `dir`; with `unbound`, also starts the validating resolver. */
export async function startDnssecTree(dir: string, opts: { unbound: boolean }): Promise<DnssecTree> {
  const servers: Server[] = [];
  const stop = async (): Promise<void> => {
    await Promise.allSettled(servers.map((s) => s.stop()));
  };
  try {
    const childNs = (zone: string): string => `ns1.${zone}.`;
    const childZones: Array<{ zone: string; file: string }> = [];
    const testExtra: string[] = [];
    for (const c of CHILDREN) {
      const file = join(dir, `${c.zone}.zone`);
      writeFileSync(file, zoneText(c.zone, childNs(c.zone), TREE_ADDRESS.children, [`www.${c.zone}. IN A 127.0.1.1`]));
      testExtra.push(`${c.zone}. IN NS ${childNs(c.zone)}`, `${childNs(c.zone)} IN A ${TREE_ADDRESS.children}`);
      if (c.signer === 'none') {
        childZones.push({ zone: c.zone, file });
        continue;
      }
      testExtra.push(...(await sign(dir, c, file)).trim().split('\n'));
      childZones.push({ zone: c.zone, file: `${file}.signed` });
    }
    const testFile = join(dir, 'test.zone');
    writeFileSync(testFile, zoneText('test', 'ns1.test.', TREE_ADDRESS.test, testExtra));
    const testDs = await sign(dir, { zone: 'test', signer: 'ldns' }, testFile);
    const rootFile = join(dir, 'root.zone');
    writeFileSync(rootFile, zoneText('.', 'a.root.', TREE_ADDRESS.root, ['test. IN NS ns1.test.', `ns1.test. IN A ${TREE_ADDRESS.test}`, ...testDs.trim().split('\n')]));
    const rootDs = await sign(dir, { zone: '.', signer: 'bind', algorithm: 'RSASHA256' }, rootFile);
    const trustAnchorFile = join(dir, 'root-anchor.ds');
    writeFileSync(trustAnchorFile, rootDs);
    const rootHintsFile = join(dir, 'root.hints');
    writeFileSync(rootHintsFile, `.  3600000  NS  a.root.\na.root.  3600000  A  ${TREE_ADDRESS.root}\n`);
    const levels = [
      { name: 'root', address: TREE_ADDRESS.root, zones: [{ zone: '.', file: `${rootFile}.signed` }] },
      { name: 'test', address: TREE_ADDRESS.test, zones: [{ zone: 'test', file: `${testFile}.signed` }] },
      { name: 'children', address: TREE_ADDRESS.children, zones: childZones },
    ];
    for (const l of levels) {
      const { child, server } = startGroup('nsd', ['-d', '-c', nsdConfig(dir, l.name, l.address, l.zones)], ENV, join(dir, `${l.name}.nsd.out`));
      servers.push(server);
      await waitForPort(l.address, 53, child, `nsd for ${l.name}`);
    }
    if (opts.unbound) {
      servers.push(await startUnbound(dir, { address: TREE_ADDRESS.unbound, hints: rootHintsFile, anchor: trustAnchorFile, env: ENV, unbound: 'unbound' }));
    }
    return { rootHintsFile, trustAnchorFile, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
