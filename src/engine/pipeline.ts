import { setMaxListeners } from 'node:events';
import type { ErrorEntry } from '../evidence/common.js';
import type { TargetResult, TargetStatus } from '../evidence/report.js';
import type { TargetEvidence } from '../evidence/target.js';
import { isInconclusive } from '../evidence/inconclusive.js';
import { gather, type GatherContext } from './gather.js';
import { judge, type JudgeEnv } from './judge.js';
import { EncscanError, errorCode, errorMessage } from './errors.js';
import type { Target } from './target.js';

export interface PipelineContext extends Omit<GatherContext, 'signal'>, JudgeEnv {
  budgetMs: number;
}

/** resolve → probes gather evidence → checks turn it into findings → score. Never throws. */
export async function scanTarget(target: Target, ctx: PipelineContext): Promise<TargetResult> {
  const evidence: TargetEvidence = { attempts: {}, endpoints: [] };
  const errors: ErrorEntry[] = [];
  const budget = new AbortController();
  // Every probe of the target listens on this one signal: dozens of hellos at once are expected.
  setMaxListeners(0, budget.signal);
  const timer = setTimeout(
    () => budget.abort(new EncscanError('ENCSCAN_BUDGET_EXHAUSTED', `target budget of ${ctx.budgetMs / 1000}s used up`)),
    ctx.budgetMs,
  );
  try {
    await Promise.race([gather(target, { ...ctx, signal: budget.signal }, evidence, errors), aborted(budget.signal)]);
  } catch (err) {
    errors.push({ stage: 'scan', code: errorCode(err), message: errorMessage(err) });
  } finally {
    clearTimeout(timer);
  }
  // Findings are computed from a snapshot: probes cut off by the budget may still be settling.
  const snapshot = structuredClone(evidence);
  const { input, host, displayHost, port } = target;
  return judge(snapshot, { input, host, displayHost, port, status: statusOf(snapshot, errors), errors }, ctx);
}

/** Incomplete when the budget ran out or any probe could not find out (timeouts), never a verdict. */
function statusOf(ev: TargetEvidence, errors: ErrorEntry[]): TargetStatus {
  const attempts = [...Object.values(ev.attempts), ...ev.endpoints.flatMap((e) => Object.values(e.attempts))];
  const unsure = attempts.some((a) => a.status === 'error' && isInconclusive(a.code));
  if (unsure || errors.some((e) => isInconclusive(e.code) || e.stage === 'scan')) return 'incomplete';
  if (errors.length > 0 && attempts.every((a) => a.status !== 'ok')) return 'error';
  return 'complete';
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}
