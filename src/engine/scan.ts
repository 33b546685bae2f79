import pLimit from 'p-limit';
import type { Report, TargetResult } from '../evidence/report.js';
import { checks as allChecks } from '../../checks/index.gen.js';
import { defaultLevels, withOverrides } from '../report/levels.js';
import { DEFAULT_POLICY, type Policy } from '../report/policy.js';
import type { ProfileName } from '../report/score.js';
import type { GradingMode } from '../report/tls-grade.js';
import type { FixProfile } from '../report/fix-snippets.js';
import { TOOL_VERSION } from '../package-root.js';
import { Connector, type SocketAddress } from './connector.js';
import type { ConnectTo, GatherContext } from './gather.js';
import { scanTarget } from './pipeline.js';
import { endpointLabel as label } from '../evidence/endpoint-label.js';
import { probesFor, selectChecks } from './select-checks.js';
import type { Target } from './target.js';
import type { ResolverMode } from '../probes/dns/client.js';

export interface ScanOptions {
  timeoutMs: number;
  budgetMs: number;
  maxConnections: number;
  concurrency: number;
  checks?: string;
  resolver: ResolverMode;
  /** Extra trusted roots (PEM), beside Node's Mozilla store. */
  caPem: string[];
  connectTo: ConnectTo[];
  /** --sni: the names each address is scanned under, instead of the target's own. */
  sni?: string[];
  /** DNSSEC trust anchors (--trust-anchor, else the world's file) and --strict-algorithms. */
  dnssec?: GatherContext['dnssec'];
  /** --no-aia, --no-revocation. */
  pki?: GatherContext['pki'];
  preloadList?: GatherContext['preloadList'];
  smtpPort?: number;
  /** Threshold overrides merged over the levels file's vars (e.g. --dane-expiry-days). */
  vars?: Record<string, number>;
  portMap: Map<string, SocketAddress>;
  world: string | null;
  now?: Date;
  policy?: { source: string; policy: Policy };
  /** Scoring profile (default deploy360), grading mode and fix-snippet profile, as for judge(). */
  profile?: ProfileName;
  gradingMode?: GradingMode;
  fixProfile?: FixProfile;
  onTarget?: (result: TargetResult) => void;
}

export async function scan(targets: Target[], opts: ScanOptions): Promise<Report> {
  const started = opts.now ?? new Date();
  const gate = opts.policy ?? { source: 'default', policy: DEFAULT_POLICY };
  const base = withOverrides(defaultLevels(), gate.policy.levels);
  const levels = opts.vars ? { ...base, vars: { ...base.vars, ...opts.vars } } : base;
  const checks = selectChecks(allChecks, opts.checks);
  const portMap = new Map(opts.portMap);
  for (const c of opts.connectTo) {
    if (c.toPort !== null && c.port !== null) portMap.set(label(c.address, c.port), { address: c.address, port: c.toPort });
  }
  const connector = new Connector({ portMap, maxConnections: opts.maxConnections, timeoutMs: opts.timeoutMs });
  const probes = probesFor(checks);
  // Loaded only when a selected check needs certificates: start-up time matters for CI jobs.
  const roots = probes.has('tls') ? (await import('../pki/trust-store.js')).trustStore(opts.caPem) : [];
  const limit = pLimit(opts.concurrency);
  const results = await Promise.all(
    targets.map((target) =>
      limit(async () => {
        const result = await scanTarget(target, {
          connector,
          resolver: opts.resolver,
          timeoutMs: opts.timeoutMs,
          budgetMs: opts.budgetMs,
          probes,
          roots,
          connectTo: opts.connectTo,
          sni: opts.sni ?? [],
          dnssec: opts.dnssec,
          ...(opts.pki === undefined ? {} : { pki: opts.pki }),
          ...(opts.preloadList ? { preloadList: opts.preloadList } : {}),
          ...(opts.smtpPort === undefined ? {} : { smtpPort: opts.smtpPort }),
          now: started,
          checks,
          levels,
          policy: gate.policy,
          ...(opts.profile === undefined ? {} : { profile: opts.profile }),
          ...(opts.gradingMode === undefined ? {} : { gradingMode: opts.gradingMode }),
          ...(opts.fixProfile === undefined ? {} : { fixProfile: opts.fixProfile }),
        });
        opts.onTarget?.(result);
        return result;
      }),
    ),
  );
  return {
    schemaVersion: '1',
    tool: { name: 'encscan', version: TOOL_VERSION },
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    levelsVersion: levels.levelsVersion,
    policy: gate.source,
    resolver: {
      mode: opts.resolver.kind,
      servers: (opts.resolver.kind === 'stub' ? opts.resolver.servers : opts.resolver.rootHints).map((s) => label(s.address, s.port)),
      world: opts.world,
    },
    targets: results,
  };
}

