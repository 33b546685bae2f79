import type { Attempt } from '../../evidence/common.js';
import { isInconclusive } from '../../evidence/inconclusive.js';
import { errorCode, errorMessage } from '../errors.js';

export function failed(err: unknown, started: number): Attempt {
  return { status: 'error', code: errorCode(err), detail: errorMessage(err).split('\n')[0]!.slice(0, 300), ms: elapsed(started) };
}

export function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/**
 * A target-level attempt is ok when some endpoint gave a conclusive result: a handshake, or a refusal
 * or alert, which is itself evidence. Only when every endpoint was inconclusive (timeouts) did the probe fail.
 */
export function rollUp(attempts: Attempt[]): Attempt {
  if (attempts.some((a) => a.status === 'ok' || !isInconclusive(a.code))) return { status: 'ok' };
  return attempts[0] ?? { status: 'skipped', code: 'no-endpoint' };
}
