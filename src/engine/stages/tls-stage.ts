import type { ErrorEntry } from '../../evidence/common.js';
import { isInconclusive } from '../../evidence/inconclusive.js';
import { type TargetEvidence } from '../../evidence/target.js';
import { endpointLabel } from '../../evidence/endpoint-label.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed, rollUp } from './attempts.js';

/**
 * Per endpoint: the default node:tls handshake (chain, negotiated suite), the certificate analysis,
 * and protocol / suite / group enumeration with crafted hellos, in parallel.
 */
export async function tlsStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  const { handshake } = await import('../../probes/tls/handshake.js');
  const { enumerateTls } = await import('../../probes/tls/enumerate.js');
  const { describeCertificate } = await import('../../pki/certificate-info.js');
  const { validateChain } = await import('../../pki/validate-chain.js');
  await Promise.all(
    ev.endpoints.map(async (ep) => {
      const started = performance.now();
      const where = { connector: ctx.connector, address: ep.address, port: ep.port, sni: ep.sni, signal: ctx.signal };
      try {
        const result = await handshake(where);
        const enumStarted = performance.now();
        const enumerated = enumerateTls(where);
        ep.certificates = await Promise.all(result.chain.map((der) => describeCertificate(der)));
        ep.pki = await validateChain({ chain: result.chain, roots: ctx.roots, host: target.host, now: ctx.now });
        ep.tls = { ...result.tls, ...(await enumerated), enumerationMs: elapsed(enumStarted) };
        ep.attempts['tls'] = { status: 'ok', ms: elapsed(started) };
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
