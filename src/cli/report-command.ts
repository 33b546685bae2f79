import { checks as allChecks } from '../../checks/index.gen.js';
import { Report } from '../evidence/report.js';
import { reportExitCode } from '../engine/exit-code.js';
import { judge } from '../engine/judge.js';
import { selectChecks } from '../engine/select-checks.js';
import { UsageError } from '../engine/errors.js';
import { TOOL_VERSION } from '../package-root.js';
import { defaultLevels, withOverrides } from '../report/levels.js';
import { DEFAULT_POLICY } from '../report/policy.js';
import { diffReports, renderDiffText } from '../report/diff.js';
import { parseJson, validateJson } from '../report/validate-json.js';
import { readText } from './options.js';
import { emitReport, loadGate, scoringOptions, type OutputFlags, type GateFlags } from './scan-command.js';

export async function loadReport(file: string): Promise<Report> {
  const data = parseJson(readText('report', file), file);
  return validateJson<Report>(Report, data, file);
}

/** Re-scores saved evidence with today's checks and levels: no network, the saved start time as clock. */
export async function runReport(file: string, flags: OutputFlags & GateFlags & { now?: string; checks?: string; daneExpiryDays?: number }): Promise<number> {
  const saved = await loadReport(file);
  const now = flags.now === undefined ? new Date(saved.startedAt) : new Date(flags.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now: "${flags.now}" is not a date`);
  const gate = (await loadGate(flags)) ?? { source: 'default', policy: DEFAULT_POLICY };
  const base = withOverrides(defaultLevels(), gate.policy.levels);
  const levels = flags.daneExpiryDays === undefined ? base : { ...base, vars: { ...base.vars, 'dane.expiryWarnDays': flags.daneExpiryDays } };
  const checks = selectChecks(allChecks, flags.checks);
  const report: Report = {
    ...saved,
    tool: { name: 'encscan', version: TOOL_VERSION },
    levelsVersion: levels.levelsVersion,
    policy: gate.source,
    targets: saved.targets.map((t) => {
      const { input, host, displayHost, port, status, errors } = t;
      return judge(t.evidence, { input, host, displayHost, port, status, errors }, { checks, levels, policy: gate.policy, now, ...scoringOptions(flags) });
    }),
  };
  emitReport(report, flags);
  return reportExitCode(report);
}

/** Exit 1 when anything got worse, so a pipeline can refuse a regression. */
export async function runDiff(before: string, after: string, flags: { format: 'text' | 'json' }): Promise<number> {
  const d = diffReports(await loadReport(before), await loadReport(after));
  process.stdout.write(flags.format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : renderDiffText(d));
  return d.worse.length > 0 ? 1 : 0;
}
