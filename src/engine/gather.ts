import type { ProbeId } from '../evidence/check.js';
import type { Attempt, ErrorEntry } from '../evidence/common.js';
import { endpointLabel, type EndpointEvidence, type TargetEvidence } from '../evidence/target.js';
import type { Connector } from './connector.js';
import type { ResolverMode } from '../probes/dns/client.js';
import type { Target } from './target.js';
import { errorCode, errorMessage } from './errors.js';
import { isInconclusive } from '../evidence/inconclusive.js';
import type { TrustAnchor } from '../dnssec/trust-anchor.js';

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

/** Runs the probes the selected checks need; every failure becomes an attempt, never an exception. */
export async function gather(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  const dnssec = ctx.probes.has('dnssec') ? dnssecStage(target, ctx, ev, errors) : Promise.resolve();
  const addresses = await resolveStage(target, ctx, ev, errors);
  ev.endpoints = addresses.map((address) => ({
    address,
    port: target.port,
    sni: target.ip === 0 ? target.host : null,
    attempts: {},
  }));
  const work: Promise<void>[] = [dnssec];
  if (addresses.length > 0 && ctx.probes.has('tls')) work.push(tlsStage(target, ctx, ev, errors));
  if (addresses.length > 0 && ctx.probes.has('http')) work.push(httpStage(target, ctx, ev, errors));
  await Promise.all(work);
}

async function resolveStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<string[]> {
  if (target.ip !== 0) {
    ev.dns = literalDns(target.host, 'literal', [target.host]);
    ev.attempts['dns'] = { status: 'ok' };
    return [target.host];
  }
  const forced = ctx.connectTo.find((c) => (c.host === '' || c.host === target.host) && (c.port === null || c.port === target.port));
  if (forced) {
    ev.dns = literalDns(target.host, 'connect-to', [forced.address]);
    ev.attempts['dns'] = { status: 'ok' };
    return [forced.address];
  }
  const started = performance.now();
  const { DnsClient } = await import('../probes/dns/client.js');
  const { resolveHost } = await import('../probes/dns/resolve-host.js');
  const client = new DnsClient({ connector: ctx.connector, mode: ctx.resolver, timeoutMs: ctx.timeoutMs, signal: ctx.signal });
  try {
    const dns = await resolveHost(client, target.host);
    ev.dns = dns;
    const ms = Math.round(performance.now() - started);
    const noAnswer = Object.values(dns.rcode).find((r) => r.startsWith('ENCSCAN_'));
    if (dns.addresses.length === 0 && noAnswer !== undefined) {
      ev.attempts['dns'] = { status: 'error', code: noAnswer, detail: `no answer for ${target.host}`, ms };
      errors.push({ stage: 'dns', code: noAnswer, message: `no DNS answer for ${target.host}` });
    } else {
      ev.attempts['dns'] = { status: 'ok', ms };
    }
    return dns.addresses.map((a) => a.address);
  } catch (err) {
    ev.attempts['dns'] = failed(err, started);
    errors.push({ stage: 'dns', code: errorCode(err), message: errorMessage(err) });
    return [];
  }
}

/** Validates the host's A/AAAA RRsets from the trust anchor down; not for IP literals or --connect-to. */
async function dnssecStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  if (target.ip !== 0 || ctx.connectTo.some((c) => (c.host === '' || c.host === target.host) && (c.port === null || c.port === target.port))) {
    ev.attempts['dnssec'] = { status: 'skipped', code: 'not-resolved' };
    return;
  }
  const started = performance.now();
  const { DnsClient } = await import('../probes/dns/client.js');
  const { probeDnssec } = await import('../probes/dns/dnssec-probe.js');
  const { defaultRootAnchors } = await import('../dnssec/trust-anchor.js');
  // A dependent signal: the walk's queries do not pile abort listeners onto the target's budget signal.
  const signal = AbortSignal.any([ctx.signal]);
  const client = new DnsClient({ connector: ctx.connector, mode: ctx.resolver, timeoutMs: ctx.timeoutMs, signal });
  try {
    ev.dnssec = await probeDnssec(client, target.host, {
      anchors: ctx.dnssec?.anchors ?? defaultRootAnchors(),
      anchor: ctx.dnssec?.anchors ? 'configured' : 'builtin',
      now: ctx.now,
      strictAlgorithms: ctx.dnssec?.strictAlgorithms === true,
    });
    ev.attempts['dnssec'] = { status: 'ok', ms: Math.round(performance.now() - started) };
  } catch (err) {
    ev.attempts['dnssec'] = failed(err, started);
    errors.push({ stage: 'dnssec', code: errorCode(err), message: errorMessage(err) });
  }
}

function literalDns(name: string, mode: 'literal' | 'connect-to', addresses: string[]): TargetEvidence['dns'] {
  return {
    mode,
    name,
    rcode: {},
    cnames: [],
    addresses: addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    queries: [],
  };
}

async function tlsStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  const { handshake } = await import('../probes/tls/handshake.js');
  const { describeCertificate } = await import('../pki/certificate-info.js');
  const { validateChain } = await import('../pki/validate-chain.js');
  const { enumerateTls } = await import('../probes/tls/enumerate.js');
  await Promise.all(
    ev.endpoints.map(async (ep: EndpointEvidence) => {
      const started = performance.now();
      try {
        const result = await handshake({ connector: ctx.connector, address: ep.address, port: ep.port, sni: ep.sni, signal: ctx.signal });
        const enumStarted = performance.now();
        const enumerated = enumerateTls({ connector: ctx.connector, address: ep.address, port: ep.port, sni: ep.sni, signal: ctx.signal });
        ep.certificates = await Promise.all(result.chain.map((der) => describeCertificate(der)));
        ep.pki = await validateChain({ chain: result.chain, roots: ctx.roots, host: target.host, now: ctx.now });
        ep.tls = { ...result.tls, ...(await enumerated), enumerationMs: Math.round(performance.now() - enumStarted) };
        ep.attempts['tls'] = { status: 'ok', ms: Math.round(performance.now() - started) };
      } catch (err) {
        const attempt = failed(err, started);
        ep.attempts['tls'] = attempt;
        if (isInconclusive(attempt.code)) {
          errors.push({ stage: 'tls', code: attempt.code!, message: `${endpointLabel(ep.address, ep.port)}: ${attempt.detail ?? ''}` });
        }
      }
      ep.connections = ctx.connector.connectionsTo(ep.address, ep.port);
    }),
  );
  ev.attempts['tls'] = rollUp(ev.endpoints.map((ep) => ep.attempts['tls']!));
}

async function httpStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  const started = performance.now();
  const { probeHttp } = await import('../probes/http/probe.js');
  try {
    const result = await probeHttp({
      host: target.host,
      port: target.port,
      addresses: ev.endpoints.map((ep) => ep.address),
      resolve: (host) => resolveOther(host, ctx),
      connector: ctx.connector,
      signal: ctx.signal,
      timeoutMs: ctx.timeoutMs,
    });
    ev.http = result.http;
    for (const { address, http } of result.endpoints) {
      const ep = ev.endpoints.find((e) => e.address === address);
      if (ep) ep.http = http;
    }
    ev.attempts['http'] = { status: 'ok', ms: Math.round(performance.now() - started) };
    // A request that timed out decided nothing: the target must not pass a gate because of it.
    const hops = [...result.http.redirects.http, ...result.http.redirects.https, ...result.endpoints.map((e) => e.http.https)];
    for (const hop of hops) {
      if (isInconclusive(hop.error)) errors.push({ stage: 'http', code: hop.error!, message: `${hop.url}: no answer` });
    }
  } catch (err) {
    ev.attempts['http'] = failed(err, started);
    errors.push({ stage: 'http', code: errorCode(err), message: errorMessage(err) });
  }
}

/** Redirect hops to other hosts resolve through encscan's own resolver too, never the system's. */
async function resolveOther(host: string, ctx: GatherContext): Promise<string | null> {
  const forced = ctx.connectTo.find((c) => c.host === host);
  if (forced) return forced.address;
  const { DnsClient } = await import('../probes/dns/client.js');
  const { resolveHost } = await import('../probes/dns/resolve-host.js');
  const client = new DnsClient({ connector: ctx.connector, mode: ctx.resolver, timeoutMs: ctx.timeoutMs, signal: ctx.signal });
  const dns = await resolveHost(client, host);
  return dns.addresses[0]?.address ?? null;
}

function failed(err: unknown, started: number): Attempt {
  return { status: 'error', code: errorCode(err), detail: errorMessage(err).split('\n')[0]!.slice(0, 300), ms: Math.round(performance.now() - started) };
}

/**
 * A target-level attempt is ok when some endpoint gave a conclusive result: a handshake, or a refusal
 * or alert, which is itself evidence. Only when every endpoint was inconclusive (timeouts) did the probe fail.
 */
function rollUp(attempts: Attempt[]): Attempt {
  if (attempts.some((a) => a.status === 'ok' || !isInconclusive(a.code))) return { status: 'ok' };
  return attempts[0] ?? { status: 'skipped', code: 'no-endpoint' };
}
