import type { ErrorEntry } from '../../evidence/common.js';
import type { MailEndpoint, MailMx } from '../../evidence/dane.js';
import type { DnssecStatus } from '../../evidence/dnssec.js';
import { endpointLabel } from '../../evidence/endpoint-label.js';
import { isInconclusive } from '../../evidence/inconclusive.js';
import type { MxRecord } from '../../probes/smtp/mx-records.js';
import type { GatherContext } from '../gather.js';
import { expiryOf, hostDnssec, lookupTlsa, tlsaRecords, undecided, type DaneDns } from './tlsa-base.js';

/** Our EHLO name: a reserved name (RFC 2606), since encscan sends no mail. */
const HELO = 'encscan.invalid';
/** The TLSA name always uses the SMTP port, whatever port --smtp-port makes encscan connect to. */
const TLSA_PORT = 25;

/** RFC 7672 §2.2: the MX RRset, then per MX host its addresses, TLSA RRset and SMTP endpoints. */
export async function mailDane(domain: string, ctx: GatherContext, dns: DaneDns, errors: ErrorEntry[]): Promise<{ mail: MailMx[]; nullMx: boolean }> {
  const { decodeMx, isNullMx } = await import('../../probes/smtp/mx-records.js');
  const answer = await dns.lookup(domain, 'MX');
  const mxs = answer.rdatas.map(decodeMx).filter((m): m is MxRecord => m !== null);
  if (isNullMx(mxs)) return { mail: [], nullMx: true };
  const hosts = mxs.filter((m) => m.exchange !== '.').sort((a, b) => a.preference - b.preference);
  return { mail: await Promise.all(hosts.map((mx) => mailMx(mx, answer.status, ctx, dns, errors))), nullMx: false };
}

async function mailMx(mx: MxRecord, mxStatus: DnssecStatus, ctx: GatherContext, dns: DaneDns, errors: ErrorEntry[]): Promise<MailMx> {
  const { resolveHost } = await import('../../probes/dns/resolve-host.js');
  const { matchTlsa } = await import('../../dane/match-tlsa.js');
  const { rolloverReadiness } = await import('../../dane/rollover.js');
  const { daneVerdict, worstDnssec, worstIndex } = await import('../../dane/verdict.js');
  const host = mx.exchange;
  const addresses = await resolveHost(dns.client, host);
  const hostSec = await hostDnssec(dns, host, addresses.cnames.at(-1)?.target);
  undecided(`${host} A/AAAA`, hostSec.status, 'the address answers could not be validated', errors);
  const { name, answer, names } = await lookupTlsa(TLSA_PORT, host, hostSec.expanded, dns.lookup);
  undecided(`${name} TLSA`, answer.status, answer.message ?? answer.reason, errors);
  const records = await tlsaRecords(answer);
  // An MX RRset that is not secure cannot vouch for the MX host name (§2.2.1), and addresses that
  // are not secure mean no DANE for that host (§2.2.2): either makes the TLSA records not count.
  const dnssec = worstDnssec(worstDnssec(mxStatus, hostSec.status), answer.status);
  const match = (chain: Uint8Array[]) => matchTlsa({ records, chain, roots: ctx.roots, names, now: ctx.now, mode: 'smtp' });
  const expiries: string[] = [];
  const endpoints = await Promise.all(
    addresses.addresses.map(async ({ address }): Promise<MailEndpoint> => {
      const ep = await smtpEndpoint(host, address, ctx, errors);
      const result = await match(ep.chain);
      const verdict = daneVerdict(dnssec, records.length, result.verdict);
      const { expiry } = await expiryOf(ep.evidence.certificates, verdict === 'valid' ? result.depth : null);
      if (expiry) expiries.push(expiry);
      return { ...ep.evidence, verdict, records: result.records };
    }),
  );
  const worst = worstIndex(endpoints.map((e) => e.verdict));
  const fallback = worst === -1 ? await match([]) : null;
  const verdict = worst === -1 ? daneVerdict(dnssec, records.length, fallback!.verdict) : endpoints[worst]!.verdict;
  return {
    mx: host,
    preference: mx.preference,
    dnssec,
    addressDnssec: hostSec.status,
    ...(hostSec.expanded ? { expanded: hostSec.expanded } : {}),
    tlsaName: `${name}.`,
    records: worst === -1 ? fallback!.records : endpoints[worst]!.records,
    starttls: endpoints.length > 0 && endpoints.every((e) => e.starttls),
    verdict,
    rolloverReady: verdict === 'valid' && endpoints.every((e) => rolloverReadiness(e.records).ready),
    ...(verdict === 'valid' && expiries.length > 0 ? { expiry: expiries.sort()[0]! } : {}),
    endpoints,
  };
}

/**
 * One SMTP conversation through the Connector, its certificates judged for PKIX as well (for the
 * report), then, when STARTTLS worked, the TLS engine's enumeration with a STARTTLS per hello.
 */
async function smtpEndpoint(host: string, address: string, ctx: GatherContext, errors: ErrorEntry[]) {
  const { probeSmtp } = await import('../../probes/smtp/probe.js');
  const { validateChain } = await import('../../pki/validate-chain.js');
  const port = ctx.smtpPort ?? TLSA_PORT;
  const { evidence, chain } = await probeSmtp({ connector: ctx.connector, address, port, mx: host, helo: HELO, signal: ctx.signal });
  if (evidence.error && isInconclusive(evidence.error.code)) {
    errors.push({ stage: 'dane', code: evidence.error.code, message: `${host} ${endpointLabel(address, port)}: ${evidence.error.detail}` });
  }
  const pki = chain.length > 0 ? await validateChain({ chain, roots: ctx.roots, host, now: ctx.now }) : null;
  if (evidence.tls === null) return { evidence: { ...evidence, pki }, chain };
  const { enumerateTls } = await import('../../probes/tls/enumerate.js');
  const { starttlsConnector } = await import('../../probes/smtp/starttls-connector.js');
  const enumeration = await enumerateTls({ connector: starttlsConnector(ctx.connector, HELO), address, port, sni: host, signal: ctx.signal });
  return { evidence: { ...evidence, enumeration, pki }, chain };
}
