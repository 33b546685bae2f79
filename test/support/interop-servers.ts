// Real servers for interop tests and the benchmark: nginx and gnutls-serv on loopback, with a
// throw-away CA made by the openssl CLI, and a validating Unbound. Every server is one process group started here and stopped
// by its pid; nothing listens outside 127.0.0.0/8 (gnutls-serv runs in a private network namespace).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

/** No proxies and no system OpenSSL policy for the tools we drive: results depend on our config only. */
export function toolEnv(dir: string): NodeJS.ProcessEnv {
  const conf = join(dir, 'openssl-empty.cnf');
  if (!existsSync(conf)) writeFileSync(conf, '');
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/_proxy$/i.test(k)) env[k] = v;
  env['OPENSSL_CONF'] = conf;
  return env;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Asynchronous, so servers running in this process keep answering while the tool runs. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { encoding: 'utf8', env, timeout: timeoutMs, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

async function mustRun(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const r = await run(cmd, args, env);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/** A port free on this loopback address right now (the server binds it a moment later). */
export function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, address, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until address:port accepts a TCP connection. */
export async function waitForPort(address: string, port: number, child: ChildProcess, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before listening on ${address}:${port}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: address, port });
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} is not listening on ${address}:${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Server {
  pid: number;
  stop(): Promise<void>;
}

/** Starts a command as the leader of its own process group; stop() signals that group by its pid. */
export function startGroup(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): { child: ChildProcess; server: Server } {
  const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const pid = child.pid!;
  const server: Server = {
    pid,
    stop: async () => {
      writeFileSync(logFile, log);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const signal = (sig: NodeJS.Signals) => {
        try {
          process.kill(-pid, sig);
        } catch {
          /* already gone */
        }
      };
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
  return { child, server };
}

export interface Pki {
  caFile: string;
  /** RSA-2048 and ECDSA P-256 leaves for the given names, each signed by the CA. */
  leaf(name: string, key: 'rsa' | 'ecdsa'): Promise<{ cert: string; key: string }>;
}

/** A throw-away CA (ECDSA P-256) in dir, made with the openssl CLI. */
export async function makePki(dir: string, env: NodeJS.ProcessEnv, openssl: string): Promise<Pki> {
  mkdirSync(dir, { recursive: true });
  const caKey = join(dir, 'ca.key');
  const caFile = join(dir, 'ca.pem');
  await mustRun(openssl, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', caKey], env);
  await mustRun(openssl, ['req', '-x509', '-new', '-key', caKey, '-subj', '/CN=encscan interop CA', '-days', '2', '-sha256', '-out', caFile,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], env);
  let serial = 1;
  return {
    caFile,
    leaf: async (name, key) => {
      const base = join(dir, `${name}-${key}`);
      const keyArgs = key === 'rsa' ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'] : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
      await mustRun(openssl, ['genpkey', ...keyArgs, '-out', `${base}.key`], env);
      const ext = `${base}.ext`;
      writeFileSync(ext, `subjectAltName=DNS:${name}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
      await mustRun(openssl, ['req', '-new', '-key', `${base}.key`, '-subj', `/CN=${name}`, '-out', `${base}.csr`], env);
      await mustRun(openssl, ['x509', '-req', '-in', `${base}.csr`, '-CA', caFile, '-CAkey', caKey, '-set_serial', String(serial++), '-days', '2',
        '-sha256', '-extfile', ext, '-out', `${base}.pem`], env);
      return { cert: `${base}.pem`, key: `${base}.key` };
    },
  };
}

export interface NginxTls {
  /** nginx's ssl_protocols, e.g. ['TLSv1.2', 'TLSv1.3']. */
  protocols: string[];
  /** ssl_ciphers (TLS ≤ 1.2), OpenSSL syntax. */
  ciphers: string;
  /** OpenSSL's Ciphersuites (TLS 1.3), given with ssl_conf_command. */
  ciphersuites: string;
  preferServerCiphers: boolean;
  /** ssl_ecdh_curve. */
  curves: string;
  cert: { cert: string; key: string };
  /** ssl_dhparam, for DHE suites. */
  dhparam?: string;
}

export interface RunningNginx extends Server {
  address: string;
  port: number;
  /** Connections nginx accepted so far (stub_status, server side). */
  accepts(): Promise<number>;
}

/** One nginx (single process, no daemon) serving one TLS profile on address:port, plus stub_status. */
export async function startNginx(dir: string, address: string, tls: NginxTls, env: NodeJS.ProcessEnv, nginx: string): Promise<RunningNginx> {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const port = await freePort(address);
  const statusPort = await freePort(address);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'daemon off;',
      'master_process off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'logs', 'error.log')} warn;`,
      'events { worker_connections 512; }',
      'http {',
      `  access_log off;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, `${t}-temp`)};`),
      '  server {',
      `    listen ${address}:${port} ssl;`,
      `    ssl_certificate ${tls.cert.cert};`,
      `    ssl_certificate_key ${tls.cert.key};`,
      `    ssl_protocols ${tls.protocols.join(' ')};`,
      `    ssl_ciphers '${tls.ciphers}';`,
      `    ssl_conf_command Ciphersuites ${tls.ciphersuites};`,
      `    ssl_prefer_server_ciphers ${tls.preferServerCiphers ? 'on' : 'off'};`,
      `    ssl_ecdh_curve ${tls.curves};`,
      ...(tls.dhparam ? [`    ssl_dhparam ${tls.dhparam};`] : []),
      '    ssl_session_tickets off;',
      '    location / { return 200 "ok\\n"; }',
      '  }',
      '  server {',
      `    listen ${address}:${statusPort};`,
      '    location / { stub_status; }',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const { child, server } = startGroup(nginx, ['-e', join(dir, 'logs', 'error.log'), '-p', dir, '-c', conf], env, join(dir, 'logs', 'stdout.log'));
  await waitForPort(address, port, child, `nginx (${conf})`).catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  const accepts = async (): Promise<number> => {
    const body = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: address, port: statusPort }, () => s.end('GET / HTTP/1.0\r\nHost: status\r\n\r\n'));
      let data = '';
      s.on('data', (d: Buffer) => (data += d.toString()));
      s.once('end', () => resolve(data));
      s.once('error', reject);
    });
    const m = /\n\s*(\d+)\s+(\d+)\s+(\d+)\s*\n/.exec(body);
    if (!m) throw new Error(`unexpected stub_status answer: ${body}`);
    return Number(m[1]);
  };
  return { ...server, address, port, accepts };
}

export interface RunningGnutls extends Server {
  address: string;
  port: number;
}

/**
 * gnutls-serv listens on every interface and cannot be told otherwise, so it runs in a private
 * network namespace (unshare -n, only lo, which it brings up) where a socat relays a unix socket to
 * it; a second socat outside relays address:port to that socket. Needs root (CI is root).
 */
export async function startGnutls(
  dir: string,
  address: string,
  opts: { priority: string; cert: { cert: string; key: string } },
  env: NodeJS.ProcessEnv,
  tools: { gnutlsServ: string; socat: string; unshare: string; ip: string },
): Promise<{ servers: Server[]; address: string; port: number }> {
  mkdirSync(dir, { recursive: true });
  const sock = join(dir, 'gnutls.sock');
  const inner = 4433;
  const script = [
    'set -e',
    `"${tools.ip}" link set lo up`,
    `"${tools.gnutlsServ}" --port ${inner} --priority '${opts.priority}' --x509certfile '${opts.cert.cert}' --x509keyfile '${opts.cert.key}' --echo --quiet &`,
    `i=0; while ! "${tools.socat}" -u OPEN:/dev/null TCP:127.0.0.1:${inner} 2>/dev/null; do i=$((i+1)); [ $i -lt 100 ] || exit 3; sleep 0.05; done`,
    `exec "${tools.socat}" UNIX-LISTEN:'${sock}',fork,unlink-early TCP:127.0.0.1:${inner}`,
  ].join('\n');
  const inside = startGroup(tools.unshare, ['-n', '--', 'sh', '-c', script], env, join(dir, 'netns.log'));
  const deadline = Date.now() + 15_000;
  while (!existsSync(sock)) {
    if (inside.child.exitCode !== null || Date.now() > deadline) {
      await inside.server.stop();
      throw new Error(`gnutls-serv in a network namespace did not start (see ${join(dir, 'netns.log')}; unshare -n needs root)`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const port = await freePort(address);
  const outside = startGroup(tools.socat, [`TCP-LISTEN:${port},bind=${address},fork,reuseaddr`, `UNIX-CONNECT:${sock}`], env, join(dir, 'relay.log'));
  await waitForPort(address, port, outside.child, 'socat relay').catch(async (err: unknown) => {
    await Promise.all([outside.server.stop(), inside.server.stop()]);
    throw err;
  });
  return { servers: [outside.server, inside.server], address, port };
}

/**
 * A validating Unbound on `address`:53 that knows only the given root hints and trust anchor (RFC 6761
 * makes test. a local zone unless told otherwise); its log goes to `dir`/unbound.log.
 */
export async function startUnbound(dir: string, o: { address: string; hints: string; anchor: string; env: NodeJS.ProcessEnv; unbound: string }): Promise<Server> {
  const conf = join(dir, 'unbound.conf');
  writeFileSync(
    conf,
    [
      'server:',
      `  interface: ${o.address}`,
      '  port: 53',
      '  do-ip6: no',
      '  do-not-query-localhost: no',
      `  root-hints: "${o.hints}"`,
      `  trust-anchor-file: "${o.anchor}"`,
      '  local-zone: "test." nodefault',
      '  username: ""',
      '  chroot: ""',
      `  directory: "${dir}"`,
      `  pidfile: "${join(dir, 'unbound.pid')}"`,
      '  use-syslog: no',
      '  logfile: ""',
      '  verbosity: 1',
      '  val-log-level: 2',
      '  qname-minimisation: no',
      '  access-control: 127.0.0.0/8 allow',
      'remote-control:',
      '  control-enable: no',
      '',
    ].join('\n'),
  );
  const { child, server } = startGroup(o.unbound, ['-d', '-c', conf], o.env, join(dir, 'unbound.log'));
  await waitForPort(o.address, 53, child, 'unbound');
  return server;
}
