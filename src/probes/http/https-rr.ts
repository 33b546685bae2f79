import { decodeSvcb, svcbProblems } from '../../dns/svcb.js';
import { EncscanError } from '../../engine/errors.js';
import type { HttpsRecord } from '../../evidence/http.js';
import type { ValidatedRrset } from '../dns/dnssec-probe.js';

/** RR type 65 (RFC 9460 §9). */
export const HTTPS_RR_TYPE = 65;

export interface HttpsRrOptions {
  /** A-label, no trailing dot. */
  host: string;
  /** Logical HTTPS port of the scan. */
  port: number;
  /** One RRset with its DNSSEC status (validatedLookup). */
  lookup: (name: string, type: number) => Promise<ValidatedRrset>;
  /** Whether https://host:port/ answers on the host's own address. */
  answers: (port: number) => Promise<boolean>;
}

/** RFC 9460 §9.1: the HTTPS RR of an origin on another port than 443 sits at _<port>._https.<host>. */
export function httpsRrName(host: string, port: number): string {
  return port === 443 ? host : `_${port}._https.${host}`;
}

/**
 * The HTTPS RRset of the scanned origin, decoded, with the DNSSEC status it validated to. A ServiceMode
 * record for this host that moves HTTPS to another port gets one GET there, so the evidence says
 * whether that port answers. An undecided lookup with no records is an error, never "no record".
 */
export async function probeHttpsRr(opts: HttpsRrOptions): Promise<HttpsRecord[]> {
  const name = httpsRrName(opts.host, opts.port);
  const answer = await opts.lookup(name, HTTPS_RR_TYPE);
  if (answer.status === 'indeterminate' && answer.rdatas.length === 0) {
    throw new EncscanError('ENCSCAN_DNS_SERVFAIL', `HTTPS record of ${name}: ${answer.message ?? answer.reason}`);
  }
  const records = answer.rdatas.map((rdata) => decoded(name, answer.status, rdata));
  const self = new Set(['.', `${name}.`, `${opts.host}.`]);
  const ports = new Map<number, Promise<boolean>>();
  for (const rec of records) {
    const port = rec.params?.port;
    if (rec.priority === 0 || rec.target === null || !self.has(rec.target) || port === undefined || port === opts.port) continue;
    if (!ports.has(port)) ports.set(port, opts.answers(port));
    rec.portAnswers = await ports.get(port)!;
  }
  return records;
}

function decoded(name: string, dnssec: HttpsRecord['dnssec'], rdata: Uint8Array): HttpsRecord {
  const base = { name: `${name}.`, dnssec, rdata: Buffer.from(rdata).toString('hex') };
  try {
    const rec = decodeSvcb(rdata);
    return { ...base, priority: rec.priority, target: rec.target, params: rec.params, problems: svcbProblems(rec) };
  } catch (err) {
    if (!(err instanceof EncscanError)) throw err;
    return { ...base, priority: null, target: null, params: null, malformed: err.message, problems: [] };
  }
}
