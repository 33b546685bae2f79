import type { Check, CheckContext, Emission } from '../evidence/check.js';
import { distinguishingSni, endpointLabel, type EndpointRef } from '../evidence/endpoint-label.js';
import type { CheckRun, Finding } from '../evidence/report.js';
import type { TargetEvidence } from '../evidence/target.js';
import { levelOf, type Levels } from '../report/levels.js';

export interface CheckRunResult {
  run: CheckRun;
  emissions: Emission[];
}

export function runCheck(
  check: Check,
  ev: TargetEvidence,
  env: { now: Date; vars: Record<string, number>; target: { host: string; port: number } },
): CheckRunResult {
  if (check.needs.some((p) => ev.attempts[p]?.status !== 'ok')) {
    return { run: { id: check.id, status: 'not-tested' }, emissions: [] };
  }
  if (check.applies && !check.applies(ev)) return { run: { id: check.id, status: 'not-applicable' }, emissions: [] };
  const ctx: CheckContext<string> = { ...env, emit: (outcome, params = {}, at) => ({ outcome, params, ...located(at, ev, env.target.host) }) };
  const emissions = check.run(ev, ctx);
  for (const e of emissions) {
    if (!(e.outcome in check.outcomes)) throw new Error(`${check.id} emitted undeclared outcome "${e.outcome}"`);
  }
  return { run: { id: check.id, status: 'ran' }, emissions };
}

function located(at: string | EndpointRef | undefined, ev: TargetEvidence, host: string): Pick<Emission, 'endpoint' | 'sni'> {
  if (at === undefined) return {};
  if (typeof at === 'string') return { endpoint: at };
  const endpoint = endpointLabel(at.address, at.port);
  const sni = distinguishingSni(at, ev.endpoints, host);
  return sni === undefined ? { endpoint } : { endpoint, sni };
}

export function toFinding(check: Check, e: Emission, levels: Levels): Finding {
  const spec = check.outcomes[e.outcome]!;
  const id = `${check.id}.${e.outcome}`;
  const finding: Finding = {
    id,
    check: check.id,
    outcome: e.outcome,
    area: check.area,
    severity: levelOf(levels, id),
    title: check.title,
    detail: fill(spec.text, e.params),
    citation: check.cite,
  };
  if (spec.fix !== undefined) finding.remediation = fill(spec.fix, e.params);
  if (e.endpoint !== undefined) finding.endpoint = e.endpoint;
  if (e.sni !== undefined) finding.sni = e.sni;
  return finding;
}

function fill(template: string, params: Emission['params']): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
