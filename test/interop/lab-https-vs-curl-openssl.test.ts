import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/evidence/report.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { runCli } from '../support/run-cli.js';
import { requireTool } from '../support/require-tool.js';

// encscan's view of the lab's HTTPS hosts must equal what curl and openssl s_client see.
const curl = requireTool('curl', 'curl');
const openssl = requireTool('openssl', 'openssl');
const HOSTS = ['good.example.test', 'hsts-duplicate.example.test', 'legacy.example.test', 'no-intermediate.example.test'];

let lab: Lab;
let report: Report;
beforeAll(async () => {
  lab = await startLab();
  const r = await runCli(['scan', ...HOSTS, '--world', lab.worldFile, '--format', 'json', '--checks', 'tls,http,hsts,certificate']);
  report = JSON.parse(r.stdout) as Report;
});
afterAll(async () => {
  await lab?.stop();
});

/** The real loopback address:port behind a lab host's logical :443. */
function realPort(host: string, port: number): string {
  const address = report.targets.find((t) => t.host === host)!.evidence.endpoints[0]!.address;
  return lab.descriptor.portMap[`${address}:${port}`]!;
}

// No proxies, and no system OpenSSL policy (Debian's MinProtocol TLSv1.2 would hide the legacy host).
const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', OPENSSL_CONF: '/dev/null' };

/** Asynchronous on purpose: the lab's servers run in this process and must keep answering. */
function run(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { encoding: 'utf8', env, timeout: 20_000 }, (_err, stdout, stderr) => resolve({ stdout, stderr }));
    child.stdin?.end();
  });
}

describe.each(HOSTS)('%s', (host) => {
  it('curl sees the same status and Strict-Transport-Security headers', async () => {
    const [addr, port] = realPort(host, 443).split(':');
    const out = await run(curl, [
      '-sS', '-k', '--noproxy', '*', '--tlsv1', '--ciphers', 'DEFAULT:@SECLEVEL=0', '-o', '/dev/null', '-D', '-',
      '--connect-to', `${host}:443:${addr}:${port}`, `https://${host}/`,
    ]);
    expect(out.stderr).toBe('');
    const status = Number(/^HTTP\/[\d.]+ (\d{3})/m.exec(out.stdout)?.[1]);
    const sts = [...out.stdout.matchAll(/^strict-transport-security:\s*(.*?)\r?$/gim)].map((m) => m[1]);
    const t = report.targets.find((x) => x.host === host)!;
    expect(t.evidence.endpoints[0]!.http!.https.status).toBe(status);
    expect(t.evidence.endpoints[0]!.http!.https.sts).toEqual(sts);
  });

  it('openssl s_client sees the same protocol, leaf certificate and chain length', async () => {
    const out = await run(openssl, ['s_client', '-connect', realPort(host, 443), '-servername', host, '-showcerts', '-cipher', 'ALL:@SECLEVEL=0']);
    const pems = out.stdout.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    const leaf = createHash('sha256').update(new X509Certificate(pems[0]!).raw).digest('hex');
    const protocol = /^New, (\S+), Cipher is/m.exec(out.stdout)?.[1];
    const ep = report.targets.find((x) => x.host === host)!.evidence.endpoints[0]!;
    expect(ep.certificates![0]!.sha256).toBe(leaf);
    expect(ep.certificates!.length).toBe(pems.length);
    expect(ep.tls!.negotiated?.version).toBe(protocol);
  });
});
