import { createHash } from 'node:crypto';
import type { AiaFetch, CrlEvidence, OcspEvidence, RevocationEvidence, SctEvidence } from '../../evidence/certificate.js';
import type { ErrorEntry } from '../../evidence/common.js';
import type { EndpointEvidence, TargetEvidence } from '../../evidence/target.js';
import type { CertFields } from '../../pki/cert-fields.js';
import type { SctEntry } from '../../pki/sct-list.js';
import { errorCode } from '../errors.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { resolveOther } from './resolve-stage.js';

/** caIssuers downloads per endpoint: one per missing link, a chain rarely misses more than two. */
const MAX_AIA_FETCHES = 3;

type Pki = NonNullable<EndpointEvidence['pki']>;

/**
 * After the handshake: reads the chain as sent (one TLS 1.2 hello), completes an incomplete chain
 * from the caIssuers URLs (unless --no-aia), judges the stapled OCSP response or asks the leaf's OCSP
 * responder, failing that its CRL (unless --no-revocation), and counts SCTs. Downloads go through
 * encscan's resolver and the Connector, bounded by the target's budget.
 */
export async function revocationStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[], tls: Promise<void>): Promise<void> {
  await tls;
  await Promise.all(
    ev.endpoints.map(async (ep) => {
      if (!ep.pki || !ep.certificates || ep.certificates.length === 0) return;
      try {
        const { sentCertificates } = await import('../../probes/pki/sent-chain.js');
        const [sent] = await Promise.all([
          sentCertificates({ connector: ctx.connector, address: ep.address, port: ep.port, sni: ep.sni, signal: ctx.signal }),
          endpointPki(ep, ep.pki, target, ctx),
        ]);
        if (sent && ep.pki) ep.pki.sentChain = (await import('../../pki/sent-order.js')).describeSentChain(sent, ep.pki.path);
      } catch (err) {
        // Only the budget's abort gets here: every download failure is recorded in the evidence.
        errors.push({ stage: 'revocation', code: errorCode(err), message: `${ep.address}: revocation checks cut short` });
      }
      // The sent-chain hello is a socket to the endpoint too.
      ep.connections = ctx.connector.connectionsTo(ep.address, ep.port);
    }),
  );
}

async function endpointPki(ep: EndpointEvidence, pki: Pki, target: Target, ctx: GatherContext): Promise<void> {
  // An undecodable leaf has nothing to look up; certificate.trust reports it.
  if (pki.errors.includes('malformed-certificate') && pki.path.length <= 1) return;
  const { parseCertificate } = await import('../../pki/cert-fields.js');
  const { certificateLinks } = await import('../../pki/cert-links.js');
  const sent = ep.certificates!.map((c) => new Uint8Array(Buffer.from(c.der, 'base64')));
  let fetched: Uint8Array[] = [];
  if (ctx.pki?.aia !== false && pki.errors.includes('incomplete-chain')) {
    const completion = await completeViaAia(sent, pki, target, ctx);
    fetched = completion.fetched;
    ep.pki = pki = completion.pki;
  }
  const leafDer = sent[0]!;
  const links = certificateLinks(leafDer);
  const issuerDer = pki.path[1] === undefined ? undefined : findByFingerprint(pki.path[1], [...sent, ...fetched, ...ctx.roots]);
  const leaf = parseCertificate(leafDer);
  const issuer = issuerDer === undefined ? null : parseCertificate(issuerDer);

  const staple = ep.tls?.ocspStaple === undefined ? null : new Uint8Array(Buffer.from(ep.tls.ocspStaple, 'base64'));
  const revocation: RevocationEvidence = {
    status: 'not-checked',
    source: null,
    mustStaple: links.mustStaple,
    stapled: staple !== null,
    ocspUrls: links.ocsp,
    crlUrls: links.crl,
    reason: null,
  };
  let ocsp: OcspEvidence | null = null;
  const scts: SctEvidence[] = links.scts.map((s) => sct('embedded', s));
  const { judgeOcspResponse } = await import('../../pki/ocsp-response.js');
  if (staple && issuer) {
    const { scts: stapledScts, ...judged } = await judgeOcspResponse(staple, leaf, issuer, ctx.now);
    ocsp = { source: 'staple', url: null, ...judged };
    scts.push(...stapledScts.map((s) => sct('ocsp', s)));
    if (judged.errors.length === 0 && judged.certStatus) Object.assign(revocation, { status: judged.certStatus, source: 'staple' });
  }
  if (revocation.source === null) {
    const reason = ctx.pki?.revocation === false ? 'disabled' : !issuer ? 'no-issuer' : links.ocsp.length + links.crl.length === 0 ? 'no-revocation-url' : null;
    if (reason !== null) revocation.reason = reason;
    if (reason === null && links.ocsp.length > 0) {
      const asked = await askResponder(links.ocsp[0]!, leaf, issuer!, ctx);
      if ('reason' in asked) Object.assign(revocation, { status: 'error', reason: asked.reason });
      else {
        ocsp ??= asked.ocsp;
        const usable = asked.ocsp.errors.length === 0 && asked.ocsp.certStatus !== null;
        Object.assign(revocation, usable ? { status: asked.ocsp.certStatus, source: 'responder' } : { status: 'error', reason: asked.ocsp.errors[0] ?? 'bad-response' });
      }
    }
    // No OCSP answer: the CRL, as CAs that stopped running OCSP (Let's Encrypt, 2025) publish only that.
    if (reason === null && revocation.source === null && links.crl.length > 0) {
      const { crl, status } = await checkCrl(links.crl[0]!, leaf, issuer!, ctx);
      Object.assign(revocation, { crl }, status ? { status, source: 'crl', reason: null } : { status: 'error', reason: crl.outcome });
    }
  }
  scts.push(...tlsScts(ep));
  ep.pki = { ...pki, revocation, ocsp, scts: scts.length, sctList: scts };
}

/** Fetches caIssuers for the certificate the path stopped at, and validates again with what came. */
async function completeViaAia(sent: Uint8Array[], pki: Pki, target: Target, ctx: GatherContext): Promise<{ pki: Pki; fetched: Uint8Array[] }> {
  const { certificateLinks } = await import('../../pki/cert-links.js');
  const { decodeCaIssuers } = await import('../../pki/ca-issuers.js');
  const { validateChain } = await import('../../pki/validate-chain.js');
  const { fetchCaIssuers } = await import('../../probes/pki/pki-fetch.js');
  const fetches: AiaFetch[] = [];
  const fetched: Uint8Array[] = [];
  let current = pki;
  while (fetches.length < MAX_AIA_FETCHES && current.errors.includes('incomplete-chain')) {
    const end = findByFingerprint(current.path[current.path.length - 1] ?? '', [...sent, ...fetched]);
    const url = end && certificateLinks(end).caIssuers.find((u) => !fetches.some((f) => f.url === u));
    if (!url) break;
    const got = await download(url, ctx, async (where) => decodeCaIssuers(await fetchCaIssuers(where)));
    fetches.push({ url, outcome: 'value' in got ? 'ok' : got.reason, certificates: 'value' in got ? got.value.length : 0 });
    if (!('value' in got)) break;
    fetched.push(...got.value);
    current = await validateChain({ chain: [...sent, ...fetched], roots: ctx.roots, host: target.host, now: ctx.now });
  }
  if (fetches.length === 0) return { pki, fetched: [] };
  const completed = !current.errors.includes('incomplete-chain');
  return { pki: { ...(completed ? current : pki), completedViaAia: completed, aia: fetches }, fetched: completed ? fetched : [] };
}

async function askResponder(url: string, leaf: CertFields, issuer: CertFields, ctx: GatherContext): Promise<{ ocsp: OcspEvidence } | { reason: string }> {
  const { buildOcspRequest } = await import('../../pki/ocsp-request.js');
  const { judgeOcspResponse } = await import('../../pki/ocsp-response.js');
  const { askOcspResponder } = await import('../../probes/pki/pki-fetch.js');
  const got = await download(url, ctx, (where) => askOcspResponder(where, buildOcspRequest(leaf, issuer)));
  if (!('value' in got)) return got;
  // SCTs in a fetched response are not what the server delivers, so they are not counted.
  const { scts: _ignored, ...judged } = await judgeOcspResponse(got.value, leaf, issuer, ctx.now);
  return { ocsp: { source: 'responder', url, ...judged } };
}

/** Downloads and judges one CRL; every failure is an outcome, not an exception. */
async function checkCrl(url: string, leaf: CertFields, issuer: CertFields, ctx: GatherContext): Promise<{ crl: CrlEvidence; status: 'good' | 'revoked' | null }> {
  const { judgeCrl } = await import('../../pki/crl.js');
  const { fetchCrl } = await import('../../probes/pki/crl-fetch.js');
  const got = await download(url, ctx, fetchCrl);
  const none = { thisUpdate: null, nextUpdate: null, entries: 0, signatureValid: false, revocationTime: null, revocationReason: null };
  if (!('value' in got)) return { crl: { url, outcome: got.reason, ...none }, status: null };
  const { status, error, ...judged } = judgeCrl(got.value, leaf, issuer, ctx.now, url);
  return { crl: { url, outcome: error ?? 'ok', ...judged }, status };
}

/** Resolves the URL's host with encscan's resolver and runs one download; failures become a reason. */
async function download<T>(href: string, ctx: GatherContext, op: (where: { url: URL; address: string; connector: GatherContext['connector']; timeoutMs: number; signal: AbortSignal }) => Promise<T>): Promise<{ value: T } | { reason: string }> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { reason: 'bad-url' };
  }
  if (url.protocol !== 'http:') return { reason: 'not-http' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  try {
    const { isIP } = await import('node:net');
    const address = isIP(host) !== 0 ? host : await resolveOther(host, ctx);
    if (address === null) return { reason: 'ENCSCAN_DNS_NO_ADDRESS' };
    return { value: await op({ url, address, connector: ctx.connector, timeoutMs: ctx.timeoutMs, signal: ctx.signal }) };
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    return { reason: errorCode(err) };
  }
}

function findByFingerprint(sha256: string, pool: Uint8Array[]): Uint8Array | undefined {
  return pool.find((der) => createHash('sha256').update(der).digest('hex') === sha256);
}

function sct(source: SctEvidence['source'], s: SctEntry): SctEvidence {
  return { source, logId: s.logId, timestamp: s.timestamp };
}

/** SCTs from the TLS signed_certificate_timestamp extension, as the tls probe recorded them. */
function tlsScts(ep: EndpointEvidence): SctEvidence[] {
  return (ep.tls?.sctList ?? []).flatMap((s) => {
    const logId = s.logId === null ? '' : Buffer.from(s.logId, 'base64').toString('hex');
    if (logId.length !== 64) return [];
    const time = s.timestamp === null ? null : new Date(s.timestamp);
    return [{ source: 'tls' as const, logId, timestamp: time && !Number.isNaN(time.getTime()) ? time.toISOString() : null }];
  });
}
