import type { ErrorEntry } from '../../evidence/common.js';
import type { TargetEvidence } from '../../evidence/target.js';
import { errorCode, errorMessage } from '../errors.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed } from './attempts.js';
import { connectToFor, dnsClient } from './resolve-stage.js';

/** Validates the host's A/AAAA RRsets from the trust anchor down; not for IP literals or --connect-to. */
export async function dnssecStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  if (target.ip !== 0 || connectToFor(ctx.connectTo, target.host, target.port)) {
    ev.attempts['dnssec'] = { status: 'skipped', code: 'not-resolved' };
    return;
  }
  const started = performance.now();
  const { probeDnssec } = await import('../../probes/dns/dnssec-probe.js');
  const { defaultRootAnchors } = await import('../../dnssec/trust-anchor.js');
  try {
    ev.dnssec = await probeDnssec(await dnsClient(ctx), target.host, {
      anchors: ctx.dnssec?.anchors ?? defaultRootAnchors(),
      anchor: ctx.dnssec?.anchors ? 'configured' : 'builtin',
      now: ctx.now,
      strictAlgorithms: ctx.dnssec?.strictAlgorithms === true,
    });
    ev.attempts['dnssec'] = { status: 'ok', ms: elapsed(started) };
  } catch (err) {
    ev.attempts['dnssec'] = failed(err, started);
    errors.push({ stage: 'dnssec', code: errorCode(err), message: errorMessage(err) });
  }
}
