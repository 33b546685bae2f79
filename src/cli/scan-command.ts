import type { TrustAnchor } from '../dnssec/trust-anchor.js';
import { writeFileSync } from 'node:fs';
import type { Report } from '../evidence/report.js';
import { UsageError, errorMessage } from '../engine/errors.js';
import { reportExitCode } from '../engine/exit-code.js';
import type { ConnectTo } from '../engine/gather.js';
import { scan } from '../engine/scan.js';
import { parseTarget } from '../engine/target.js';
import type { World } from '../engine/world.js';
import type { ResolverMode } from '../probes/dns/client.js';
import { ianaRootHints, parseRootHints, parseServerAddress } from '../probes/dns/root-hints.js';
import { render, type Format } from '../report/formats.js';
import { readText, type ExtraReport } from './options.js';
import { loadPreloadList } from './preload-list-file.js';
import type { Policy } from '../report/policy.js';
import { parseJson, validateJson } from '../report/validate-json.js';
import { palette } from './palette.js';
import type { ProfileName } from '../report/score.js';
import type { GradingMode } from '../report/tls-grade.js';
import type { FixProfile } from '../report/fix-snippets.js';
import { trustStamp } from '../report/trust-stamp.js';

export interface OutputFlags {
  format: Format;
  output?: string;
  report: ExtraReport[];
  color: boolean;
}

export interface GateFlags {
  policy?: string;
  failUnder?: string;
  /** --profile: deploy360 (default), ota or mozilla. */
  profile?: ProfileName;
  /** --grading-mode: offered (default) or simulated. */
  gradingMode?: GradingMode;
  /** --fix-profile: the Mozilla configuration fix snippets follow (default intermediate). */
  fixProfile?: FixProfile;
}

interface ScanFlags extends OutputFlags, GateFlags {
  resolver?: string;
  rootHints?: string;
  /** --dns-tcp */
  dnsTcp?: boolean;
  trustAnchor?: string;
  strictAlgorithms?: boolean;
  caFile?: string;
  /** false with --no-aia / --no-revocation. */
  aia?: boolean;
  revocation?: boolean;
  connectTo: ConnectTo[];
  sni: string[];
  smtpPort: number;
  daneExpiryDays: number;
  timeout: number;
  budget: number;
  maxConnections: number;
  concurrency: number;
  checks?: string;
  world?: string;
  preloadList?: string;
}

export async function runScan(inputs: string[], raw: Record<string, unknown>): Promise<number> {
  const flags = raw as unknown as ScanFlags;
  const targets = inputs.map(parseTarget);
  // Only with --world: the descriptor's schema brings TypeBox, which a plain scan never needs.
  const world = flags.world === undefined ? null : (await import('../engine/world.js')).loadWorld(flags.world);
  const caFiles = [flags.caFile, world?.caFile ?? undefined].filter((f): f is string => !!f).map((file) => ({ file, pem: readText('--ca-file', file) }));
  const caPem = caFiles.map((f) => f.pem);
  const anchorPath = flags.trustAnchor ?? world?.trustAnchorFile ?? undefined;
  const anchorText = anchorPath === undefined ? undefined : readText('--trust-anchor', anchorPath);
  const anchors = anchorPath === undefined ? undefined : await parseTrustAnchorText(anchorPath, anchorText!);
  const policy = await loadGate(flags);
  const report = await scan(targets, {
    policy,
    timeoutMs: flags.timeout,
    budgetMs: flags.budget,
    maxConnections: flags.maxConnections,
    concurrency: flags.concurrency,
    checks: flags.checks,
    resolver: { ...resolverMode(flags, world), ...(flags.dnsTcp === true ? { tcpOnly: true } : {}) },
    caPem,
    connectTo: flags.connectTo,
    sni: flags.sni,
    dnssec: { ...(anchors ? { anchors } : {}), strictAlgorithms: flags.strictAlgorithms === true },
    pki: { aia: flags.aia !== false, revocation: flags.revocation !== false },
    ...(flags.preloadList === undefined ? {} : { preloadList: loadPreloadList(flags.preloadList) }),
    smtpPort: flags.smtpPort,
    vars: { 'dane.expiryWarnDays': flags.daneExpiryDays },
    portMap: world?.portMap ?? new Map(),
    world: world?.name ?? null,
    ...scoringOptions(flags),
  });
  const { defaultRootAnchors } = await import('../dnssec/trust-anchor.js');
  const anchorStamp = anchors === undefined ? undefined : { file: anchorPath!, text: anchorText!, anchors };
  const { targets: results, ...stamp } = report;
  const stamped: Report = { ...stamp, trust: trustStamp(caFiles, anchorStamp, defaultRootAnchors), targets: results };
  emitReport(stamped, flags);
  return reportExitCode(stamped);
}

/** The scoring flags of `scan` and `report` (--profile, --grading-mode, --fix-profile), as judge() takes them. */
export function scoringOptions(flags: GateFlags): { profile?: ProfileName; gradingMode: GradingMode; fixProfile: FixProfile } {
  return { ...(flags.profile === undefined ? {} : { profile: flags.profile }), gradingMode: flags.gradingMode ?? 'offered', fixProfile: flags.fixProfile ?? 'intermediate' };
}

/** DS/DNSKEY records or IANA's root-anchors.xml; a bad file is a usage error, not a scan failure. */
export async function loadTrustAnchors(file: string): Promise<TrustAnchor[]> {
  return parseTrustAnchorText(file, readText('--trust-anchor', file));
}

async function parseTrustAnchorText(file: string, text: string): Promise<TrustAnchor[]> {
  const { parseTrustAnchors } = await import('../dnssec/trust-anchor.js');
  try {
    return parseTrustAnchors(text);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--trust-anchor ${file}: ${errorMessage(err).split('\n')[0]}`, 'ENCSCAN_BAD_FILE');
  }
}

/** --policy FILE and/or --fail-under GRADE; either replaces the default policy. */
export async function loadGate(flags: GateFlags): Promise<{ source: string; policy: Policy } | undefined> {
  if (flags.policy === undefined && flags.failUnder === undefined) return undefined;
  let policy: Policy = { failOn: 'fail' };
  if (flags.policy !== undefined) {
    const data = parseJson(readText('--policy', flags.policy), `--policy ${flags.policy}`);
    const { Policy: schema } = await import('../report/policy-schema.js');
    policy = await validateJson<Policy>(schema, data, `--policy ${flags.policy}`);
  }
  if (flags.failUnder !== undefined) policy = { ...policy, minGrade: flags.failUnder as Policy['minGrade'] };
  return { source: flags.policy ?? `--fail-under ${flags.failUnder}`, policy };
}

/** --resolver (stub) > --root-hints > the world's resolver or root hints > IANA's root servers. Never the system's. */
export function resolverMode(flags: Pick<ScanFlags, 'resolver' | 'rootHints'>, world: World | null): ResolverMode {
  if (flags.resolver !== undefined) return { kind: 'stub', servers: [parseServerAddress(flags.resolver)] };
  if (flags.rootHints !== undefined) {
    const hints = parseRootHints(readText('--root-hints', flags.rootHints));
    if (hints.length === 0) throw new UsageError(`--root-hints: no server addresses in ${flags.rootHints}`, 'ENCSCAN_BAD_FILE');
    return { kind: 'iterative', rootHints: hints };
  }
  if (world?.descriptor.resolver !== undefined) return { kind: 'stub', servers: [parseServerAddress(world.descriptor.resolver)] };
  if (world?.descriptor.rootHints !== undefined) {
    return { kind: 'iterative', rootHints: world.descriptor.rootHints.map((h) => parseServerAddress(h)) };
  }
  return { kind: 'iterative', rootHints: [...ianaRootHints()] };
}

export function emitReport(report: Report, flags: OutputFlags): void {
  const toFile = flags.output !== undefined;
  const color = palette(flags.color && !toFile && process.stdout.isTTY === true);
  const text = render(flags.format, report, { color });
  if (toFile) writeOutput('--output', flags.output!, text);
  else process.stdout.write(text);
  for (const extra of flags.report) writeOutput('--report', extra.path, render(extra.format, report));
}

function writeOutput(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new UsageError(`${flag}: cannot write ${path}: ${errorMessage(err).split('\n')[0]}`, 'ENCSCAN_BAD_FILE');
  }
}
