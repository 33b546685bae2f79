import type { Connector } from '../../engine/connector.js';
import type { MtaStsEvidence, MxEvidence, TlsRptEvidence } from '../../evidence/mail.js';
import { parseMtaStsPolicy, parseMtaStsTxt } from '../../http/mta-sts.js';
import { parseTlsRptTxt } from '../../http/tls-rpt.js';
import type { LookupResult } from '../dns/client.js';
import { fetchDocument } from './request.js';

export interface MailPolicyOptions {
  domain: string;
  lookup: (name: string, type: string) => Promise<LookupResult>;
  /** One IP for a host name from encscan's resolver. */
  resolve: (host: string) => Promise<string | null>;
  connector: Connector;
  /** PKIX validation of the mta-sts host's chain (RFC 8461 §3.3 requires a valid certificate). */
  validate: (host: string, address: string) => Promise<boolean | null>;
  signal?: AbortSignal;
  timeoutMs: number;
}

export interface MailPolicy {
  mx: MxEvidence;
  mtaSts: MtaStsEvidence;
  tlsRpt: TlsRptEvidence;
}

/** The DNS- and HTTPS-published mail transport policy of a domain: MX, MTA-STS and TLS-RPT. */
export async function probeMailPolicy(opts: MailPolicyOptions): Promise<MailPolicy> {
  const [mx, stsTxt, rptTxt] = await Promise.all([
    opts.lookup(opts.domain, 'MX'),
    opts.lookup(`_mta-sts.${opts.domain}`, 'TXT'),
    opts.lookup(`_smtp._tls.${opts.domain}`, 'TXT'),
  ]);
  const stsRecords = txtStrings(stsTxt);
  const txt = { records: stsRecords, ...parseMtaStsTxt(stsRecords) };
  const rptRecords = txtStrings(rptTxt);
  return {
    mx: mxEvidence(mx),
    mtaSts: { txt, policy: txt.valid ? await fetchPolicy(opts) : null },
    tlsRpt: { records: rptRecords, ...parseTlsRptTxt(rptRecords) },
  };
}

/** RFC 8461 §3.3: https://mta-sts.<domain>/.well-known/mta-sts.txt, text/plain, no redirects followed. */
async function fetchPolicy(opts: MailPolicyOptions): Promise<MtaStsEvidence['policy']> {
  const host = `mta-sts.${opts.domain}`;
  const url = new URL(`https://${host}/.well-known/mta-sts.txt`);
  const address = await opts.resolve(host);
  const empty = { url: url.href, contentType: null, version: null, mode: null, mx: [], maxAge: null, certificateTrusted: null };
  if (address === null) return { ...empty, status: null, error: 'ENCSCAN_DNS_NO_ADDRESS', errors: [] };
  const [doc, trusted] = await Promise.all([
    fetchDocument({ url, address, connector: opts.connector, signal: opts.signal, timeoutMs: opts.timeoutMs, maxBodyBytes: 64 * 1024 }),
    opts.validate(host, address),
  ]);
  const base = { ...empty, status: doc.hop.status, contentType: doc.contentType, certificateTrusted: trusted };
  if (doc.hop.error !== undefined) return { ...base, error: doc.hop.error, errors: [] };
  if (doc.hop.status !== 200 || doc.body === null) return { ...base, errors: ['not-found'] };
  const parsed = parseMtaStsPolicy(new TextDecoder().decode(doc.body));
  const typeOk = (doc.contentType ?? '').toLowerCase().startsWith('text/plain');
  return { ...base, ...parsed, errors: typeOk ? parsed.errors : ['bad-content-type', ...parsed.errors] };
}

function txtStrings(r: LookupResult): string[] {
  return r.answers
    .filter((a) => a.type === 'TXT')
    .map((a) => {
      const data = (a as { data: Buffer | Buffer[] | string | string[] }).data;
      const parts = Array.isArray(data) ? data : [data];
      return parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');
    });
}

function mxEvidence(r: LookupResult): MxEvidence {
  const records = r.answers
    .filter((a) => a.type === 'MX')
    .map((a) => {
      const d = (a as { data: { preference?: number; exchange?: string } }).data;
      return { preference: d.preference ?? 0, exchange: (d.exchange ?? '').replace(/\.$/, '').toLowerCase() };
    })
    .sort((a, b) => a.preference - b.preference);
  const nullMx = records.length === 1 && records[0]!.exchange === '' && records[0]!.preference === 0;
  return { rcode: r.error ?? r.rcode, records, nullMx };
}
