import type { ErrorEntry } from '../../evidence/common.js';
import type { DnssecRrset } from '../../evidence/dnssec.js';
import { isInconclusive } from '../../evidence/inconclusive.js';
import type { TargetEvidence } from '../../evidence/target.js';
import type { HttpsRrResult } from '../../probes/http/https-rr.js';
import { errorCode, errorMessage } from '../errors.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed } from './attempts.js';
import { dnsClient, resolveOther, validatingDns } from './resolve-stage.js';

/** HTTPS per endpoint, the redirect chains, security.txt, and the domain's MTA-STS / TLS-RPT policy. */
export async function httpStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[], relied: DnssecRrset[]): Promise<void> {
  const started = performance.now();
  const { probeHttp } = await import('../../probes/http/probe.js');
  const common = { connector: ctx.connector, signal: ctx.signal, timeoutMs: ctx.timeoutMs };
  try {
    const addresses = [...new Set(ev.endpoints.map((ep) => ep.address))];
    const [result, mail, httpsRR] = await Promise.all([
      probeHttp({ host: target.host, port: target.port, addresses, resolve: (h) => resolveOther(h, ctx), ...common }),
      target.ip === 0 ? mailPolicy(target.host, ctx) : Promise.resolve(null),
      target.ip === 0 ? httpsRecords(target, ctx, addresses, ev, relied) : Promise.resolve(undefined),
    ]);
    ev.http = result.http;
    if (httpsRR) {
      ev.http.httpsRR = httpsRR.records;
      ev.http.httpsRRDnssec = httpsRR.dnssec;
      if (httpsRR.alias) ev.http.httpsRRAlias = httpsRR.alias;
    }
    if (ctx.preloadList && target.ip === 0) {
      const { preloadMembership } = await import('../../http/preload-list.js');
      const { file, date, list } = ctx.preloadList;
      ev.http.preload = { file, date, entries: list.entries.size, ...preloadMembership(list, target.host) };
    }
    for (const { address, http } of result.endpoints) {
      const ep = ev.endpoints.find((e) => e.address === address);
      if (ep) ep.http = http;
    }
    if (mail) {
      ev.mx = mail.mx;
      ev.http.mtaSts = mail.mtaSts;
      ev.http.tlsRpt = mail.tlsRpt;
    }
    ev.attempts['http'] = { status: 'ok', ms: elapsed(started) };
    // A request that timed out decided nothing: the target must not pass a gate because of it.
    // Every address's chains count: the roll-up keeps only the worst decided one.
    const chains = result.endpoints.length > 0 ? result.endpoints.map((e) => e.http.redirects!) : [result.http.redirects];
    const hops = new Set(chains.flatMap((c) => [...c.http, ...c.https]));
    for (const hop of hops) {
      if (isInconclusive(hop.error)) errors.push({ stage: 'http', code: hop.error!, message: `${hop.url}: no answer` });
    }
  } catch (err) {
    ev.attempts['http'] = failed(err, started);
    errors.push({ stage: 'http', code: errorCode(err), message: errorMessage(err) });
  }
}

/** The HTTPS RRset, any alias chain, and their DNSSEC status (as DANE gets TLSA); a failed lookup is an attempt, not "no record". */
async function httpsRecords(target: Target, ctx: GatherContext, addresses: string[], ev: TargetEvidence, relied: DnssecRrset[]): Promise<HttpsRrResult | undefined> {
  const started = performance.now();
  const { probeHttpsRr } = await import('../../probes/http/https-rr.js');
  const { httpGet } = await import('../../probes/http/request.js');
  const address = addresses[0];
  try {
    const { lookup } = await validatingDns(ctx, relied);
    const found = await probeHttpsRr({
      host: target.host,
      port: target.port,
      addresses,
      lookup,
      answers: async (port) =>
        address !== undefined &&
        (await httpGet({ url: new URL(`https://${target.host}:${port}/`), address, connector: ctx.connector, signal: ctx.signal, timeoutMs: ctx.timeoutMs })).status !== null,
    });
    ev.attempts['http.https-rr'] = { status: 'ok', ms: elapsed(started) };
    return found;
  } catch (err) {
    ev.attempts['http.https-rr'] = failed(err, started);
    return undefined;
  }
}

/** RFC 8461 §3.3 wants a PKIX-valid certificate on mta-sts.<domain>: one handshake, our own validation. */
async function mailPolicy(domain: string, ctx: GatherContext): Promise<import('../../probes/http/mail-policy.js').MailPolicy> {
  const { probeMailPolicy } = await import('../../probes/http/mail-policy.js');
  const client = await dnsClient(ctx);
  return probeMailPolicy({
    domain,
    lookup: (name, type) => client.lookup(name, type),
    resolve: (h) => resolveOther(h, ctx),
    validate: async (host, address) => {
      const { handshake } = await import('../../probes/tls/handshake.js');
      const { validateChain } = await import('../../pki/validate-chain.js');
      try {
        const { chain } = await handshake({ connector: ctx.connector, address, port: 443, sni: host, signal: ctx.signal });
        return (await validateChain({ chain, roots: ctx.roots, host, now: ctx.now })).trusted;
      } catch {
        return null;
      }
    },
    connector: ctx.connector,
    signal: ctx.signal,
    timeoutMs: ctx.timeoutMs,
  });
}
