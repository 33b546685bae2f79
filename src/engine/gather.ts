import type { ProbeId } from '../evidence/check.js';
import type { ErrorEntry } from '../evidence/common.js';
import type { DnssecRrset } from '../evidence/dnssec.js';
import type { TargetEvidence } from '../evidence/target.js';
import type { TrustAnchor } from '../dnssec/trust-anchor.js';
import type { ResolverMode } from '../probes/dns/client.js';
import type { PreloadSnapshot } from '../http/preload-list.js';
import type { Connector } from './connector.js';
import type { Target } from './target.js';
import { caaStage } from './stages/caa-stage.js';
import { daneStage } from './stages/dane-stage.js';
import { dnssecStage } from './stages/dnssec-stage.js';
import { httpStage } from './stages/http-stage.js';
import { addReliedRrsets, resolveStage } from './stages/resolve-stage.js';
import { revocationStage } from './stages/revocation-stage.js';
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
  /** --sni names; empty: the target's own name (none for an IP literal). */
  sni?: string[];
  now: Date;
  signal: AbortSignal;
  /** --no-aia and --no-revocation turn these off; both on when absent. */
  pki?: { aia: boolean; revocation: boolean };
  /** DNSSEC trust anchors (--trust-anchor or the world's file) and policy; the IANA root KSKs when absent. */
  dnssec?: { anchors?: TrustAnchor[]; strictAlgorithms?: boolean };
  /** Where encscan connects to MX hosts (--smtp-port); the TLSA name keeps _25._tcp. Default 25. */
  smtpPort?: number;
  /** --preload-list: a user-given snapshot of Chromium's HSTS preload list. */
  preloadList?: PreloadSnapshot;
}

/**
 * Runs the probes the selected checks need (src/engine/stages/); every failure becomes an attempt
 * beside the evidence, never an exception.
 */
export async function gather(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  const dnssec = ctx.probes.has('dnssec') ? dnssecStage(target, ctx, ev, errors) : Promise.resolve();
  const addresses = await resolveStage(target, ctx, ev, errors);
  // An endpoint is (address, port, SNI name): servers vary policy by name, so each name is enumerated on
  // its own, sharing the address:port's connection limit (the connector's semaphore spans all targets).
  const names = ctx.sni && ctx.sni.length > 0 ? ctx.sni : [target.ip === 0 ? target.host : null];
  ev.endpoints = addresses.flatMap((address) => names.map((sni) => ({ address, port: target.port, sni, attempts: {} })));
  const work: Promise<void>[] = [dnssec];
  // DANE matches the chain the tls stage received, so asking for dane runs the handshake too.
  const tls = addresses.length > 0 && (ctx.probes.has('tls') || ctx.probes.has('dane')) ? tlsStage(target, ctx, ev, errors) : Promise.resolve();
  work.push(tls);
  // The RRsets the DANE, CAA and HTTPS-record lookups rest on join evidence.dnssec.rrsets once all are in.
  const relied: DnssecRrset[] = [];
  if (ctx.probes.has('dane')) work.push(daneStage(target, ctx, ev, errors, tls, relied));
  if (ctx.probes.has('tls')) work.push(revocationStage(target, ctx, ev, errors, tls));
  if (ctx.probes.has('caa')) work.push(caaStage(target, ctx, ev, errors, relied));
  if (addresses.length > 0 && ctx.probes.has('http')) work.push(httpStage(target, ctx, ev, errors, relied));
  await Promise.all(work);
  if (ev.dnssec) addReliedRrsets(ev.dnssec.rrsets, relied);
}
