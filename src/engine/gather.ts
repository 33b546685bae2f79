import type { ProbeId } from '../evidence/check.js';
import type { ErrorEntry } from '../evidence/common.js';
import type { TargetEvidence } from '../evidence/target.js';
import type { TrustAnchor } from '../dnssec/trust-anchor.js';
import type { ResolverMode } from '../probes/dns/client.js';
import type { Connector } from './connector.js';
import type { Target } from './target.js';
import { caaStage } from './stages/caa-stage.js';
import { daneStage } from './stages/dane-stage.js';
import { dnssecStage } from './stages/dnssec-stage.js';
import { httpStage } from './stages/http-stage.js';
import { resolveStage } from './stages/resolve-stage.js';
import { tlsStage } from './stages/tls-stage.js';

export interface ConnectTo {
  host: string;
  port: number | null;
  address: string;
  toPort: number | null;
}

export interface GatherContext {
  connector: Connector;
  resolver: ResolverMode;
  timeoutMs: number;
  probes: Set<ProbeId>;
  roots: Uint8Array[];
  connectTo: ConnectTo[];
  now: Date;
  signal: AbortSignal;
  /** DNSSEC trust anchors (--trust-anchor or the world's file) and policy; the IANA root KSKs when absent. */
  dnssec?: { anchors?: TrustAnchor[]; strictAlgorithms?: boolean };
}

/**
 * Runs the probes the selected checks need (src/engine/stages/); every failure becomes an attempt
 * beside the evidence, never an exception.
 */
export async function gather(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  const dnssec = ctx.probes.has('dnssec') ? dnssecStage(target, ctx, ev, errors) : Promise.resolve();
  const addresses = await resolveStage(target, ctx, ev, errors);
  ev.endpoints = addresses.map((address) => ({ address, port: target.port, sni: target.ip === 0 ? target.host : null, attempts: {} }));
  const work: Promise<void>[] = [dnssec];
  // DANE matches the chain the tls stage received, so asking for dane runs the handshake too.
  const tls = addresses.length > 0 && (ctx.probes.has('tls') || ctx.probes.has('dane')) ? tlsStage(target, ctx, ev, errors) : Promise.resolve();
  work.push(tls);
  if (ctx.probes.has('dane')) work.push(daneStage(target, ctx, ev, errors, tls));
  if (ctx.probes.has('caa')) work.push(caaStage(target, ctx, ev, errors));
  if (addresses.length > 0 && ctx.probes.has('http')) work.push(httpStage(target, ctx, ev, errors));
  await Promise.all(work);
}
