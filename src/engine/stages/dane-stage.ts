import type { ErrorEntry } from '../../evidence/common.js';
import type { DaneEvidence, DaneHttps, MailEndpoint, MailMx } from '../../evidence/dane.js';
import type { DnssecStatus } from '../../evidence/dnssec.js';
import { isInconclusive } from '../../evidence/inconclusive.js';
import { type TargetEvidence } from '../../evidence/target.js';
import { endpointLabel } from '../../evidence/endpoint-label.js';
import type { TlsaRecord } from '../../dane/tlsa-record.js';
import type { ValidatedRrset } from '../../probes/dns/dnssec-probe.js';
import type { MxRecord } from '../../probes/smtp/mx-records.js';
import { errorCode, errorMessage } from '../errors.js';
import type { GatherContext } from '../gather.js';
import type { Target } from '../target.js';
import { elapsed, failed } from './attempts.js';
import { dnsClient } from './resolve-stage.js';

/** Our EHLO name: a reserved name (RFC 2606), since encscan sends no mail. */
const HELO = 'encscan.invalid';
const SMTP_PORT = 25;

type Lookup = (name: string, type: 'TLSA' | 'MX') => Promise<ValidatedRrset>;

/**
 * DANE for the target (not for IP literals): the TLSA RRset at _<port>._tcp.<host> with its DNSSEC
 * status, matched against the chain the tls stage received (awaited, so no second handshake), and
 * for mail every MX of the domain: its _25._tcp TLSA RRset and an SMTP STARTTLS probe per address.
 */
export async function daneStage(target: Target, ctx: GatherContext, ev: TargetEvidence, errors: ErrorEntry[], tls: Promise<void>): Promise<void> {
  if (target.ip !== 0) {
    ev.attempts['dane'] = { status: 'skipped', code: 'not-resolved' };
    return;
  }
  const started = performance.now();
  const { validatedLookup } = await import('../../probes/dns/dnssec-probe.js');
  const { defaultRootAnchors } = await import('../../dnssec/trust-anchor.js');
  const { typeNumber } = await import('../../dnssec/rr-types.js');
  try {
    const client = await dnsClient(ctx);
    const opts = { anchors: ctx.dnssec?.anchors ?? defaultRootAnchors(), now: ctx.now, strictAlgorithms: ctx.dnssec?.strictAlgorithms === true };
    const lookup: Lookup = (name, type) => validatedLookup(client, name, typeNumber(type), opts);
    const [https, mail] = await Promise.all([tls.then(() => httpsDane(target, ctx, ev, lookup, errors)), mailDane(target.host, ctx, lookup, errors)]);
    const dane: DaneEvidence = { mail: mail.mail };
    if (https) dane.https = https;
    if (mail.nullMx) dane.nullMx = true;
    ev.dane = dane;
    ev.attempts['dane'] = { status: 'ok', ms: elapsed(started) };
  } catch (err) {
    ev.attempts['dane'] = failed(err, started);
    errors.push({ stage: 'dane', code: errorCode(err), message: errorMessage(err) });
  }
}

async function tlsaRecords(answer: ValidatedRrset): Promise<TlsaRecord[]> {
  const { parseTlsaRdata } = await import('../../dane/tlsa-record.js');
  return answer.rdatas.map(parseTlsaRdata).filter((r): r is TlsaRecord => r !== null);
}

/** Undecided DNSSEC (no answer, lame servers) decides nothing: recorded as an error, no verdict. */
function undecided(name: string, answer: ValidatedRrset, errors: ErrorEntry[]): boolean {
  if (answer.status !== 'indeterminate') return false;
  errors.push({ stage: 'dane', code: 'ENCSCAN_DNSSEC_INDETERMINATE', message: `${name} TLSA: ${answer.message ?? answer.reason}` });
  return true;
}

/** The worst endpoint's match; omitted when no endpoint sent a chain or the TLSA answer is undecided. */
async function httpsDane(target: Target, ctx: GatherContext, ev: TargetEvidence, lookup: Lookup, errors: ErrorEntry[]): Promise<DaneHttps | undefined> {
  const chains = ev.endpoints
    .filter((ep) => (ep.certificates?.length ?? 0) > 0)
    .map((ep) => ep.certificates!.map((c) => new Uint8Array(Buffer.from(c.der, 'base64'))));
  if (chains.length === 0) return undefined;
  const name = `_${target.port}._tcp.${target.host}`;
  const answer = await lookup(name, 'TLSA');
  if (undecided(name, answer, errors)) return undefined;
  const { matchTlsa } = await import('../../dane/match-tlsa.js');
  const { rolloverReadiness } = await import('../../dane/rollover.js');
  const { daneVerdict, worstIndex } = await import('../../dane/verdict.js');
  const records = await tlsaRecords(answer);
  const results = await Promise.all(chains.map((chain) => matchTlsa({ records, chain, roots: ctx.roots, names: [target.host], now: ctx.now, mode: 'https' })));
  const verdicts = results.map((r) => daneVerdict(answer.status, records.length, r.verdict));
  const worst = worstIndex(verdicts);
  const result = results[worst]!;
  const verdict = verdicts[worst]!;
  const rollover = rolloverReadiness(result.records);
  return {
    name: `${name}.`,
    dnssec: answer.status,
    records: result.records,
    verdict,
    depth: result.depth,
    failure: result.failure,
    rolloverReady: verdict === 'valid' && rollover.ready,
    rollover,
  };
}

/** RFC 7672 §2.2: the MX RRset and each MX's TLSA RRset, with the worst endpoint deciding per MX. */
async function mailDane(domain: string, ctx: GatherContext, lookup: Lookup, errors: ErrorEntry[]): Promise<{ mail: MailMx[]; nullMx: boolean }> {
  const { decodeMx, isNullMx } = await import('../../probes/smtp/mx-records.js');
  const answer = await lookup(domain, 'MX');
  const mxs = answer.rdatas.map(decodeMx).filter((m): m is MxRecord => m !== null);
  if (isNullMx(mxs)) return { mail: [], nullMx: true };
  const hosts = mxs.filter((m) => m.exchange !== '.').sort((a, b) => a.preference - b.preference);
  return { mail: await Promise.all(hosts.map((mx) => mailMx(mx, answer.status, ctx, lookup, errors))), nullMx: false };
}

async function mailMx(mx: MxRecord, mxStatus: DnssecStatus, ctx: GatherContext, lookup: Lookup, errors: ErrorEntry[]): Promise<MailMx> {
  const { resolveHost } = await import('../../probes/dns/resolve-host.js');
  const { matchTlsa } = await import('../../dane/match-tlsa.js');
  const { rolloverReadiness } = await import('../../dane/rollover.js');
  const { daneVerdict, worstDnssec, worstIndex } = await import('../../dane/verdict.js');
  const host = mx.exchange;
  const name = `_${SMTP_PORT}._tcp.${host}`;
  const [addresses, answer] = await Promise.all([resolveHost(await dnsClient(ctx), host), lookup(name, 'TLSA')]);
  undecided(name, answer, errors);
  const records = await tlsaRecords(answer);
  // An MX RRset that is not secure cannot vouch for the MX host name, so its TLSA records cannot count (§2.2.1).
  const dnssec = worstDnssec(mxStatus, answer.status);
  const match = (chain: Uint8Array[]) => matchTlsa({ records, chain, roots: ctx.roots, names: [host], now: ctx.now, mode: 'smtp' });
  const endpoints = await Promise.all(
    addresses.addresses.map(async ({ address }): Promise<MailEndpoint> => {
      const ep = await smtpEndpoint(host, address, ctx, errors);
      const result = await match(ep.chain);
      return { ...ep.evidence, verdict: daneVerdict(dnssec, records.length, result.verdict), records: result.records };
    }),
  );
  const worst = worstIndex(endpoints.map((e) => e.verdict));
  const fallback = worst === -1 ? await match([]) : null;
  const verdict = worst === -1 ? daneVerdict(dnssec, records.length, fallback!.verdict) : endpoints[worst]!.verdict;
  return {
    mx: host,
    preference: mx.preference,
    dnssec,
    records: worst === -1 ? fallback!.records : endpoints[worst]!.records,
    starttls: endpoints.length > 0 && endpoints.every((e) => e.starttls),
    verdict,
    rolloverReady: verdict === 'valid' && endpoints.every((e) => rolloverReadiness(e.records).ready),
    endpoints,
  };
}

/** One SMTP conversation through the Connector; its certificates judged for PKIX as well (for the report). */
async function smtpEndpoint(host: string, address: string, ctx: GatherContext, errors: ErrorEntry[]) {
  const { probeSmtp } = await import('../../probes/smtp/probe.js');
  const { validateChain } = await import('../../pki/validate-chain.js');
  const { evidence, chain } = await probeSmtp({ connector: ctx.connector, address, port: SMTP_PORT, mx: host, helo: HELO, signal: ctx.signal });
  if (evidence.error && isInconclusive(evidence.error.code)) {
    errors.push({ stage: 'dane', code: evidence.error.code, message: `${host} ${endpointLabel(address, SMTP_PORT)}: ${evidence.error.detail}` });
  }
  const pki = chain.length > 0 ? await validateChain({ chain, roots: ctx.roots, host, now: ctx.now }) : null;
  return { evidence: { ...evidence, pki }, chain };
}
