// SMTP probe for one MX address: one connection through the Connector with the STARTTLS
// preamble, then a node:tls handshake that accepts any certificate (DANE and PKIX are judged
// later). Gathers evidence and judges nothing; failures land in `error`, never thrown.
import type tls from 'node:tls';
import type { Connector } from '../../engine/connector.js';
import { errorCode, errorMessage } from '../../engine/errors.js';
import type { SmtpEndpoint } from '../../evidence/dane.js';
import { describeCertificate } from '../../pki/certificate-info.js';
import { SCAN_TLS_OPTIONS, sessionOf } from '../tls/handshake.js';
import { SmtpError } from './smtp-error.js';
import { starttlsPreamble } from './starttls-preamble.js';

export interface SmtpProbeResult {
  evidence: SmtpEndpoint;
  /** DER chain as sent, leaf first, for DANE matching and PKIX validation. */
  chain: Uint8Array[];
}

export async function probeSmtp(opts: {
  connector: Connector;
  address: string;
  port?: number;
  /** The MX host name: SNI (RFC 7672 §8.1). */
  mx: string;
  /** Our EHLO name. */
  helo: string;
  signal?: AbortSignal;
}): Promise<SmtpProbeResult> {
  const port = opts.port ?? 25;
  const { preamble, transcript } = starttlsPreamble(opts.helo);
  const evidence = (): SmtpEndpoint => ({
    address: opts.address,
    port,
    banner: transcript.banner,
    capabilities: transcript.capabilities,
    starttls: transcript.starttlsOffered,
    tls: null,
    certificates: [],
    error: null,
  });
  let socket: tls.TLSSocket;
  try {
    socket = await opts.connector.tls({
      address: opts.address,
      port,
      servername: opts.mx,
      signal: opts.signal,
      preamble,
      options: { ...SCAN_TLS_OPTIONS, ca: [] },
    });
  } catch (err) {
    const code = err instanceof SmtpError ? err.code : errorCode(err);
    return { evidence: { ...evidence(), error: { code, detail: errorMessage(err) } }, chain: [] };
  }
  try {
    const { chain, version, cipherSuite } = sessionOf(socket);
    const certificates = [];
    for (const der of chain) {
      try {
        certificates.push(await describeCertificate(der));
      } catch {
        break; // an undecodable certificate ends what we can describe; the DER chain keeps it
      }
    }
    return { evidence: { ...evidence(), tls: { version, cipherSuite }, certificates }, chain };
  } finally {
    socket.destroy();
  }
}
