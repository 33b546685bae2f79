import type { ErrorEntry } from '../../evidence/common.js';
import { isInconclusive } from '../../evidence/inconclusive.js';
import { type TargetEvidence } from '../../evidence/target.js';
import { endpointLabel } from '../../evidence/endpoint-label.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed, rollUp } from './attempts.js';

/**
 * Per endpoint (address, port, SNI name): the default node:tls handshake (chain, negotiated suite),
 * the certificate analysis, then protocol / suite / group enumeration with crafted hellos, the
 * server's features (ALPN, signature schemes, echoed extensions, SCTs), its other certificate chains
 * and the vulnerability probes. Enumeration also runs when node:tls cannot finish a handshake
 * (SSLv3-only servers), but not when nothing answers: a timeout or a refused connection ends the endpoint.
 */
export async function tlsStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[]): Promise<void> {
  const { handshake } = await import('../../probes/tls/handshake.js');
  const { enumerateTls } = await import('../../probes/tls/enumerate.js');
  const { alpnFromHandshake, probeFeatures } = await import('../../probes/tls/features.js');
  const { keyTypeOf, otherChains } = await import('../../probes/tls/chains.js');
  const { describeCertificate } = await import('../../pki/certificate-info.js');
  const { validateChain } = await import('../../pki/validate-chain.js');
  await Promise.all(
    ev.endpoints.map(async (ep) => {
      const started = performance.now();
      const where = { connector: ctx.connector, address: ep.address, port: ep.port, sni: ep.sni, signal: ctx.signal };
      // The name the certificate must match: the SNI sent, else the target (IP literals).
      const analyse = async (chain: Uint8Array[]) => ({
        certificates: await Promise.all(chain.map((der) => describeCertificate(der))),
        pki: await validateChain({ chain, roots: ctx.roots, host: ep.sni ?? target.host, now: ctx.now }),
      });
      let shake: Awaited<ReturnType<typeof handshake>> | null = null;
      try {
        shake = await handshake(where);
        ep.attempts['tls'] = { status: 'ok', ms: elapsed(started) };
      } catch (err) {
        ep.attempts['tls'] = failed(err, started);
      }
      const attempt = ep.attempts['tls']!;
      try {
        if (attempt.status === 'ok' || (!isInconclusive(attempt.code) && attempt.code !== 'ENCSCAN_CONNECT_REFUSED')) {
          const enumStarted = performance.now();
          const enumerated = enumerateTls(where);
          const others = shake ? otherChains(where, shake.chain) : null;
          const served = shake ? await analyse(shake.chain) : null;
          if (served) Object.assign(ep, served);
          const found = await enumerated;
          const { connections, ...features } = await probeFeatures(where, found.protocols);
          ep.tls = { ...shake?.tls, ...found, ...features, connections: found.connections + connections, enumerationMs: elapsed(enumStarted) };
          if (shake?.tls.negotiated && !ep.tls.alpn) ep.tls.alpn = alpnFromHandshake(shake.tls.negotiated.alpn);
          if (shake && others && served) {
            const more = await others;
            const rest = await Promise.all(more.chains.map(async (c) => ({ keyType: c.keyType, ...(await analyse(c.chain)) })));
            ep.chains = [{ keyType: keyTypeOf(shake.chain[0]), ...served }, ...rest];
            ep.tls.connections! += more.connections;
          }
          if (ctx.probes.has('tls')) {
            const { probeVulnerabilities } = await import('../../probes/tls/vuln/probe-vulnerabilities.js');
            ep.tls.vulnerabilities = await probeVulnerabilities({ ...where, protocols: ep.tls.protocols ?? [], groups: ep.tls.groups ?? [] });
          }
        }
      } catch (err) {
        ep.attempts['tls'] = failed(err, started);
      }
      const final = ep.attempts['tls']!;
      if (isInconclusive(final.code)) {
        errors.push({ stage: 'tls', code: final.code!, message: `${endpointLabel(ep.address, ep.port)}: ${final.detail ?? ''}` });
      }
      ep.connections = ctx.connector.connectionsTo(ep.address, ep.port);
    }),
  );
  ev.attempts['tls'] = rollUp(ev.endpoints.map((ep) => ep.attempts['tls']!));
}
