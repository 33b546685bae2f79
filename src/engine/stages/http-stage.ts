import type { ErrorEntry } from '../../evidence/common.js';
import { isInconclusive } from '../../evidence/inconclusive.js';
import type { TargetEvidence } from '../../evidence/target.js';
import { errorCode, errorMessage } from '../errors.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed } from './attempts.js';
import { dnsClient, resolveOther } from './resolve-stage.js';

/** HTTPS per endpoint, the redirect chains, security.txt, and the domain's MTA-STS / TLS-RPT policy. */
export async function httpStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  const started = performance.now();
  const { probeHttp } = await import('../../probes/http/probe.js');
  const common = { connector: ctx.connector, signal: ctx.signal, timeoutMs: ctx.timeoutMs };
  try {
    const [result, mail] = await Promise.all([
      probeHttp({ host: target.host, port: target.port, addresses: ev.endpoints.map((ep) => ep.address), resolve: (h) => resolveOther(h, ctx), ...common }),
      target.ip === 0 ? mailPolicy(target.host, ctx) : Promise.resolve(null),
    ]);
    ev.http = result.http;
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
    const hops = [...result.http.redirects.http, ...result.http.redirects.https, ...result.endpoints.map((e) => e.http.https)];
    for (const hop of hops) {
      if (isInconclusive(hop.error)) errors.push({ stage: 'http', code: hop.error!, message: `${hop.url}: no answer` });
    }
  } catch (err) {
    ev.attempts['http'] = failed(err, started);
    errors.push({ stage: 'http', code: errorCode(err), message: errorMessage(err) });
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
