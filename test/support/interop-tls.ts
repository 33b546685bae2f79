// What each side says a TLS server accepts, per protocol version, as IANA suite names: the server's
// own configuration (openssl ciphers, gnutls-cli -l), encscan's report and sslscan's XML.
import { XMLParser } from 'fast-xml-parser';
import type { Report } from '../../src/evidence/report.js';
import type { ProtocolSupport, TlsEvidence } from '../../src/evidence/tls.js';
import { suiteRef } from '../../src/tls/cipher-suites.js';
import { run } from './interop-servers.js';
import { runCli } from './run-cli.js';

export type Version = 'SSLv3' | 'TLSv1.0' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
export const VERSIONS: readonly Version[] = ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
export type PerVersion = Partial<Record<Version, string[]>>;

const OPENSSL_VERSION_FLAG: Record<Exclude<Version, 'SSLv3' | 'TLSv1.3'>, string> = { 'TLSv1.0': '-tls1', 'TLSv1.1': '-tls1_1', 'TLSv1.2': '-tls1_2' };

/**
 * The TLS ≤ 1.2 suites an OpenSSL server with this cipher string accepts at one version, in its
 * preference order: `openssl ciphers -s` for that version, kept to the certificate's key type
 * (Au=RSA / Au=ECDSA) and, without a dhparam, to non-DHE key exchange.
 */
export async function opensslSuites(openssl: string, env: NodeJS.ProcessEnv, cipherString: string, version: Exclude<Version, 'SSLv3' | 'TLSv1.3'>, opts: { keyType: 'rsa' | 'ecdsa'; dhe: boolean }): Promise<string[]> {
  const r = await run(openssl, ['ciphers', '-s', '-stdname', OPENSSL_VERSION_FLAG[version], '-ciphersuites', '', cipherString], env);
  if (r.code !== 0) throw new Error(`openssl ciphers failed: ${r.stderr}`);
  const au = opts.keyType === 'rsa' ? 'RSA' : 'ECDSA';
  return r.stdout
    .split('\n')
    .map((line) => /^(\S+)\s+-\s+\S+\s+\S+\s+Kx=(\S+)\s+Au=(\S+)/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .filter((m) => m[3] === au && (opts.dhe || m[2] !== 'DH'))
    .map((m) => m[1]!);
}

/** `gnutls-cli -l --priority P`: the suites with their codes and minimum version, as IANA names. */
export async function gnutlsSuites(gnutlsCli: string, env: NodeJS.ProcessEnv, priority: string): Promise<Array<{ name: string; min: Version }>> {
  const r = await run(gnutlsCli, ['-l', '--priority', priority], env);
  if (r.code !== 0) throw new Error(`gnutls-cli -l failed: ${r.stderr}`);
  const minOf: Record<string, Version> = { 'SSL3.0': 'SSLv3', 'TLS1.0': 'TLSv1.0', 'TLS1.1': 'TLSv1.1', 'TLS1.2': 'TLSv1.2', 'TLS1.3': 'TLSv1.3' };
  return [...r.stdout.matchAll(/^\S+\s+0x([0-9a-f]{2}), 0x([0-9a-f]{2})\s+(\S+)\s*$/gim)].map((m) => ({
    name: suiteRef(parseInt(`${m[1]}${m[2]}`, 16)).name,
    min: minOf[m[3]!] ?? (() => { throw new Error(`unknown gnutls version ${m[3]}`); })(),
  }));
}

export interface EncscanView {
  tls: TlsEvidence;
  /** Sockets opened to the endpoint (all probes). */
  connections: number | undefined;
  report: Report;
  stderr: string;
}

/** Runs the real CLI, TLS checks only, against name:443 sent to address:port. */
export async function encscanScan(name: string, address: string, port: number, caFile: string): Promise<EncscanView> {
  const r = await runCli(['scan', name, '--connect-to', `${name}:443:${address}:${port}`, '--checks', 'tls', '--format', 'json', '--ca-file', caFile], 120_000);
  if (r.stdout.trim() === '') throw new Error(`encscan produced no report (exit ${r.code}): ${r.stderr}`);
  const report = JSON.parse(r.stdout) as Report;
  const ep = report.targets[0]!.evidence.endpoints[0]!;
  if (!ep.tls) throw new Error(`no TLS evidence for ${name}: ${JSON.stringify(report.targets[0])}`);
  return { tls: ep.tls, connections: ep.connections, report, stderr: r.stderr };
}

/** encscan's accepted suites per supported version (SSLv2 left out: no real server here speaks it). */
export function encscanAccepted(tls: TlsEvidence): PerVersion {
  const out: PerVersion = {};
  for (const p of tls.protocols ?? []) if (p.supported && p.version !== 'SSLv2') out[p.version as Version] = p.cipherSuites.map((s) => s.name);
  return out;
}

export function protocol(tls: TlsEvidence, version: Version | 'SSLv2'): ProtocolSupport | undefined {
  return tls.protocols?.find((p) => p.version === version);
}

/** sslscan's accepted suites per version from --xml=-, as IANA names (from each cipher's id). */
export async function sslscanAccepted(sslscan: string, env: NodeJS.ProcessEnv, address: string, port: number, sni: string): Promise<{ accepted: PerVersion; raw: string }> {
  const r = await run(sslscan, ['--xml=-', '--no-colour', '--no-heartbleed', '--no-fallback', '--no-renegotiation', '--no-compression', '--no-check-certificate', `--sni-name=${sni}`, '--show-cipher-ids', `${address}:${port}`], env, 120_000);
  return { accepted: parseSslscanXml(r.stdout), raw: r.stdout };
}

export function parseSslscanXml(xml: string): PerVersion {
  const start = xml.indexOf('<?xml');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(start >= 0 ? xml.slice(start) : xml) as {
    document?: { ssltest?: { cipher?: unknown } | Array<{ cipher?: unknown }> };
  };
  const tests = doc.document?.ssltest;
  const first = Array.isArray(tests) ? tests[0] : tests;
  const raw = first?.cipher;
  const ciphers = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as Array<Record<string, string>>;
  const out: PerVersion = {};
  for (const c of ciphers) {
    if (c['status'] !== 'accepted' && c['status'] !== 'preferred') continue;
    const version = c['sslversion'] as Version;
    const id = c['id'];
    if (id === undefined) throw new Error('sslscan XML has no cipher id (needs --show-cipher-ids)');
    (out[version] ??= []).push(suiteRef(parseInt(id, 16)).name);
  }
  return out;
}

/** Versions and suites one side has and the other lacks, for logs and assertion messages. */
export function difference(a: PerVersion, b: PerVersion): PerVersion {
  const out: PerVersion = {};
  for (const v of VERSIONS) {
    const missing = (a[v] ?? []).filter((s) => !(b[v] ?? []).includes(s));
    if (missing.length > 0) out[v] = missing;
  }
  return out;
}

export function sortedPerVersion(p: PerVersion): PerVersion {
  const out: PerVersion = {};
  for (const v of VERSIONS) if (p[v] !== undefined) out[v] = [...p[v]].sort();
  return out;
}
