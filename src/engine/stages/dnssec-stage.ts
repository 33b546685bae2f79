import type { ErrorEntry } from '../../evidence/common.js';
import type { DnssecEvidence } from '../../evidence/dnssec.js';
import type { TargetEvidence } from '../../evidence/target.js';
import type { DnsClient } from '../../probes/dns/client.js';
import { errorCode, errorMessage } from '../errors.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed } from './attempts.js';
import { connectToFor, dnsClient } from './resolve-stage.js';

/**
 * Validates the host's A/AAAA RRsets from the trust anchor down, then, when a check needs it, asks every
 * authoritative server on the chain directly (per-server diagnosis); not for IP literals or --connect-to.
 */
export async function dnssecStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  if (target.ip !== 0 || connectToFor(ctx.connectTo, target.host, target.port)) {
    ev.attempts['dnssec'] = { status: 'skipped', code: 'not-resolved' };
    if (ctx.probes.has('dnssec-servers')) ev.attempts['dnssec-servers'] = { status: 'skipped', code: 'not-resolved' };
    return;
  }
  const started = performance.now();
  const { probeDnssec } = await import('../../probes/dns/dnssec-probe.js');
  const { defaultRootAnchors } = await import('../../dnssec/trust-anchor.js');
  const client = await dnsClient(ctx);
  try {
    ev.dnssec = await probeDnssec(client, target.host, {
      anchors: ctx.dnssec?.anchors ?? defaultRootAnchors(),
      anchor: ctx.dnssec?.anchors ? 'configured' : 'builtin',
      now: ctx.now,
      strictAlgorithms: ctx.dnssec?.strictAlgorithms === true,
    });
    ev.attempts['dnssec'] = { status: 'ok', ms: elapsed(started) };
  } catch (err) {
    ev.attempts['dnssec'] = failed(err, started);
    errors.push({ stage: 'dnssec', code: errorCode(err), message: errorMessage(err) });
    return;
  }
  if (ctx.probes.has('dnssec-servers')) await serversStage(client, ev.dnssec, ctx, ev, errors);
}

/** Authoritative servers can be asked directly only on an iterative walk; a stub sees its resolver only. */
async function serversStage(client: DnsClient, dnssec: DnssecEvidence, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  if (ctx.resolver.kind !== 'iterative') {
    ev.attempts['dnssec-servers'] = { status: 'skipped', code: 'stub-resolver' };
    return;
  }
  const started = performance.now();
  const { diagnoseServers } = await import('../../probes/dns/server-diagnosis.js');
  try {
    dnssec.servers = await diagnoseServers(
      client,
      dnssec.chain.map((z) => z.zone),
      { connector: ctx.connector, timeoutMs: ctx.timeoutMs, now: ctx.now, rootServers: ctx.resolver.rootHints, tcpOnly: ctx.resolver.tcpOnly === true, signal: ctx.signal },
    );
    ev.attempts['dnssec-servers'] = { status: 'ok', ms: elapsed(started) };
  } catch (err) {
    ev.attempts['dnssec-servers'] = failed(err, started);
    errors.push({ stage: 'dnssec-servers', code: errorCode(err), message: errorMessage(err) });
  }
}
