import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/evidence/report.js';
import { tlsa, unservedKeyRecord } from '../../src/lab/lab-dane.js';
import { createLabPki } from '../../src/lab/pki.js';
import type { LabRecord } from '../../src/lab/zone.js';
import { startDaneTree, type DaneTree } from '../dane/interop-world.js';
import { run, type Server } from '../support/interop-servers.js';
import { requireTool } from '../support/require-tool.js';
import { runCli } from '../support/run-cli.js';

// DANE against real software, as root (port 53 and 25): a signed tree on loopback (test/dane/interop-world.ts),
// an HTTPS server and a Postfix with STARTTLS, both with lab certificates. encscan's verdict for each
// TLSA case must be the one the case was built for, and ldns-dane (HTTPS) and posttls-finger (SMTP),
// both resolving through a validating Unbound, must agree with it.
const postfix = requireTool('postfix', 'postfix');
const posttlsFinger = requireTool('posttls-finger', 'postfix');
const ldnsDane = requireTool('ldns-dane', 'ldnsutils');
const unbound = requireTool('unbound', 'unbound');
const unshare = requireTool('unshare', 'util-linux');

const WEB = '127.0.1.71';
const MX = '127.0.25.10';
const DAY = 86_400_000;

/** HTTPS cases: name → the verdict encscan (and ldns-dane) must give. The server sends leaf, intermediate and root. */
const HTTPS_CASES = { 'ee.dane.test': 'valid', 'ta.dane.test': 'valid', 'root.dane.test': 'valid', 'bad.dane.test': 'invalid', 'bad-ta.dane.test': 'invalid' } as const;
/** Mail domains: their MX host names share the one Postfix, with matching and non-matching TLSA records. */
const MAIL_CASES = { 'mail.dane.test': { mx: 'mx.dane.test', verdict: 'valid' }, 'badmail.dane.test': { mx: 'mx-bad.dane.test', verdict: 'invalid' } } as const;

let dir: string;
let tree: DaneTree | undefined;
let web: https.Server | undefined;
let mail: Server | undefined;
let report: Report;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'encscan-dane-interop-'));
  chmodSync(dir, 0o755); // Postfix's daemons run as the postfix user and must reach their queue below it
  const now = new Date();
  const pki = await createLabPki(now);
  const validity = { notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 60 * DAY) };
  const webLeaf = await pki.issueLeaf({ names: Object.keys(HTTPS_CASES), ...validity });
  const mxLeaf = await pki.issueLeaf({ names: Object.values(MAIL_CASES).map((c) => c.mx), ...validity });
  const otherCa = await createLabPki(now);
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, pki.rootPem);
  const records: LabRecord[] = [
    ...Object.keys(HTTPS_CASES).map((name) => ({ name, type: 'A', data: WEB })),
    tlsa('_443._tcp.ee.dane.test', 3, 1, 1, webLeaf.der),
    tlsa('_443._tcp.ta.dane.test', 2, 0, 1, pki.intermediateDer),
    tlsa('_443._tcp.root.dane.test', 2, 0, 1, pki.rootDer),
    unservedKeyRecord('_443._tcp.bad.dane.test'),
    tlsa('_443._tcp.bad-ta.dane.test', 2, 0, 1, otherCa.intermediateDer),
    ...Object.entries(MAIL_CASES).flatMap(([domain, c]): LabRecord[] => [
      { name: domain, type: 'MX', data: { preference: 10, exchange: c.mx } },
      { name: c.mx, type: 'A', data: MX },
    ]),
    tlsa('_25._tcp.mx.dane.test', 3, 1, 1, mxLeaf.der),
    tlsa('_25._tcp.mx.dane.test', 2, 1, 1, pki.intermediateDer),
    unservedKeyRecord('_25._tcp.mx-bad.dane.test'),
  ];
  mail = await startPostfix(join(dir, 'postfix'), mxLeaf.keyPem, mxLeaf.chainPem);
  tree = await startDaneTree(dir, records, caFile, unbound);
  web = https.createServer({ key: webLeaf.keyPem, cert: `${webLeaf.chainPem.trimEnd()}\n${pki.rootPem}` }, (_req, res) => res.end('dane interop\n'));
  await new Promise<void>((resolve, reject) => web!.once('error', reject).listen(443, WEB, () => resolve()));
  const targets = [...Object.keys(HTTPS_CASES), ...Object.keys(MAIL_CASES)];
  const r = await runCli(['scan', ...targets, '--world', tree.worldFile, '--checks', 'dane,mail.starttls', '--format', 'json', '--timeout', '10'], 240_000);
  if (r.stdout.trim() === '') throw new Error(`encscan produced no report (exit ${r.code}): ${r.stderr}`);
  report = JSON.parse(r.stdout) as Report;
}, 300_000);

afterAll(async () => {
  await Promise.allSettled([mail?.stop(), tree?.stop(), new Promise<void>((resolve) => (web ? web.close(() => resolve()) : resolve()))]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const target = (host: string) => report.targets.find((t) => t.host === host)!;

describe('DANE for HTTPS: encscan and ldns-dane', () => {
  it.each(Object.entries(HTTPS_CASES))('%s: %s', async (host, want) => {
    const dane = target(host).evidence.dane?.https;
    expect(dane?.dnssec).toBe('secure');
    expect(dane?.verdict).toBe(want);
    const ldns = await run(ldnsDane, ['-r', tree!.resolver, verifyFlag(), 'verify', host, '443'], process.env, 30_000);
    const ldnsVerdict = ldns.code === 0 ? 'valid' : 'invalid';
    // The comparison, kept in the test output.
    console.log(`${host}: encscan ${dane?.verdict}, ldns-dane ${ldnsVerdict} (${(ldns.stdout + ldns.stderr).trim().split('\n').join(' | ')})`);
    expect(ldnsVerdict).toBe(want);
  });
});

describe('DANE for SMTP: encscan against Postfix, and posttls-finger', () => {
  it.each(Object.entries(MAIL_CASES))('%s', async (domain, c) => {
    const mx = target(domain).evidence.dane?.mail[0];
    expect(mx).toMatchObject({ mx: c.mx, dnssec: 'secure', addressDnssec: 'secure', starttls: true, verdict: c.verdict });
    expect(mx?.endpoints[0]).toMatchObject({ address: MX, port: 25, banner: { code: 220 }, starttls: true, error: null });
    expect(mx?.endpoints[0]?.enumeration?.protocols.filter((p) => p.supported).map((p) => p.version)).toContain('TLSv1.2');
    const finger = await posttlsFingerVerdict(domain);
    console.log(`${domain}: encscan ${mx?.verdict}, posttls-finger ${finger.verdict} (${finger.line})`);
    expect(finger.verdict).toBe(c.verdict);
  });

  it('reports the failing record with the key the MX presents', () => {
    const ids = target('badmail.dane.test').findings.map((f) => f.id);
    expect(ids).toContain('dane.mail.invalid');
    expect(target('mail.dane.test').findings.map((f) => f.id)).toEqual(expect.arrayContaining(['dane.mail.valid', 'mail.starttls.offered']));
  });
});

/** ldns-dane has no option for a trust anchor without chasing: -S makes it validate from our root key itself. */
function verifyFlag(): string {
  return `-Sk${tree!.anchorFile}`;
}

/**
 * posttls-finger asks the system resolver, so it runs in a private mount namespace whose resolv.conf
 * names our Unbound (trust-ad: glibc passes the AD bit on only when told to trust the resolver).
 */
async function posttlsFingerVerdict(domain: string): Promise<{ verdict: string; line: string }> {
  const resolv = join(dir, 'resolv.conf');
  writeFileSync(resolv, `nameserver ${tree!.resolver}\noptions trust-ad\n`);
  const script = `mount --bind "${resolv}" /etc/resolv.conf && exec "${posttlsFinger}" -t 10 -T 10 -l dane -c "${domain}"`;
  // It reads its defaults from a main.cf, which a "No configuration" install of Postfix does not write.
  const conf = join(dir, 'posttls-finger');
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, 'main.cf'), 'compatibility_level = 3.6\n');
  const r = await run(unshare, ['-m', 'sh', '-c', script], { ...process.env, MAIL_CONFIG: conf }, 60_000);
  const out = `${r.stdout}\n${r.stderr}`;
  const line = out.split('\n').find((l) => /TLS connection established/.test(l)) ?? out.trim().split('\n').slice(-1)[0] ?? '';
  return { verdict: /Verified TLS connection/.test(line) ? 'valid' : 'invalid', line: line.trim() };
}

function maillog(confDir: string): string {
  const file = join(confDir, 'maillog');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => !/not owned|writable/.test(l)).slice(-10).join('\n') : '(no maillog)';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForListener(address: string, port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: address, port });
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`postfix is not listening on ${address}:${port}`);
}

/** Postfix with its own config_directory, listening on MX:25 only, accepting no mail, no DNS or PTR lookups. */
async function startPostfix(confDir: string, keyPem: string, chainPem: string): Promise<Server> {
  const queue = join(confDir, 'queue');
  const data = join(confDir, 'data');
  for (const d of [confDir, queue, data]) mkdirSync(d, { recursive: true });
  writeFileSync(join(confDir, 'key.pem'), keyPem);
  chmodSync(join(confDir, 'key.pem'), 0o600);
  writeFileSync(join(confDir, 'chain.pem'), chainPem);
  writeFileSync(
    join(confDir, 'main.cf'),
    [
      'compatibility_level = 3.6',
      `queue_directory = ${queue}`,
      `data_directory = ${data}`,
      'mail_owner = postfix',
      'setgid_group = postdrop',
      // Bound through master.cf below: Postfix only accepts interface addresses here, and 127.0.25.10 is not one.
      'inet_interfaces = all',
      'inet_protocols = ipv4',
      'myhostname = mx.dane.test',
      'mydestination =',
      'relay_domains =',
      'alias_maps =',
      'alias_database =',
      'smtpd_relay_restrictions = reject',
      'smtpd_peername_lookup = no',
      'disable_dns_lookups = yes',
      'smtp_dns_support_level = disabled',
      'smtpd_tls_security_level = may',
      `smtpd_tls_cert_file = ${join(confDir, 'chain.pem')}`,
      `smtpd_tls_key_file = ${join(confDir, 'key.pem')}`,
      // Not /dev/stdout: under Node, a child's stdout is a socket, which Postfix cannot open by name.
      `maillog_file = ${join(confDir, 'maillog')}`,
      `maillog_file_prefixes = ${confDir}`,
      '',
    ].join('\n'),
  );
  const services = [
    `${MX}:25 inet n - n - - smtpd`,
    'postlog unix-dgram n - n - 1 postlogd',
    'anvil unix - - n - 1 anvil',
    'tlsmgr unix - - n 1000? 1 tlsmgr',
    'cleanup unix n - n - 0 cleanup',
    'rewrite unix - - n - - trivial-rewrite',
    'proxymap unix - - n - - proxymap',
    'qmgr unix n - n 300 1 qmgr',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'scache unix - - n - 1 scache',
    'error unix - - n - - error',
  ];
  writeFileSync(join(confDir, 'master.cf'), `${services.join('\n')}\n`);
  // Postfix's scripts need no more than a PATH; nothing of the test runner's environment.
  const env = { PATH: process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin' };
  const check = await run(postfix, ['-c', confDir, 'check'], env);
  if (check.code !== 0) throw new Error(`postfix check failed: ${check.stdout}${check.stderr}`);
  await run('chown', ['-R', 'postfix', data], env);
  // "postfix start" returns once master reports its initialisation; master is then stopped by its pid.
  const started = await run(postfix, ['-c', confDir, 'start'], env, 120_000);
  const pidFile = join(queue, 'pid', 'master.pid');
  const master = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
  if (started.code !== 0 || !Number.isInteger(master)) throw new Error(`postfix start failed (${started.code}): ${maillog(confDir)}`);
  const stop = async (): Promise<void> => {
    try {
      process.kill(master, 'SIGTERM');
    } catch {
      return; // already gone
    }
    for (let i = 0; i < 100 && alive(master); i++) await new Promise((r) => setTimeout(r, 50));
  };
  try {
    await waitForListener(MX, 25);
  } catch (err) {
    await stop();
    throw err;
  }
  return { pid: master, stop };
}
