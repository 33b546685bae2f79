// DNSSEC evidence for a host: the chain walk of src/dnssec/chain.ts fed by encscan's own DNS client,
// on the raw wire bytes of each response (never on dns-packet's decoded records).
import type { DnssecEvidence, DnssecRrset } from '../../evidence/dnssec.js';
import { type ChainResult, type Fetch, type Fetched, type RrsetVerdict, validateName } from '../../dnssec/chain.js';
import { type Name, nameToString, namesEqual, parseName } from '../../dnssec/name.js';
import { decodeDnskey } from '../../dnssec/rdata.js';
import { dnskeySizeBits } from '../../dnssec/key-size.js';
import { keyTag } from '../../dnssec/key-tag.js';
import { RR, typeName } from '../../dnssec/rr-types.js';
import type { TrustAnchor } from '../../dnssec/trust-anchor.js';
import { type WireMessage, decodeMessage } from '../../dnssec/wire.js';
import type { DnsQuery } from '../../evidence/dns.js';
import { DecodeError } from '../../engine/errors.js';
import type { DnsClient, LookupResult } from './client.js';

export interface DnssecProbeOptions {
  anchors: readonly TrustAnchor[];
  /** 'configured' for --trust-anchor or the world's anchor file, 'builtin' for the IANA root KSKs. */
  anchor: DnssecEvidence['anchor'];
  now: Date;
  strictAlgorithms?: boolean;
}

/** Queries go through `client`; a response that does not decode counts as no answer. `heard` sees each lookup's result. */
export function clientFetch(client: DnsClient, heard?: (name: Name, type: number, result: LookupResult) => void): Fetch {
  return async (name: Name, type: number) => {
    const before = client.queries.length;
    const result = await client.lookup(nameToString(name), typeName(type));
    heard?.(name, type, result);
    if (!result.wire) return { ok: false, code: result.error ?? 'ENCSCAN_DNS_BAD_RESPONSE' };
    try {
      return { ok: true, message: decodeMessage(result.wire), server: result.server ?? '', referrals: referralsOf(client.queries.slice(before)) };
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      return { ok: false, code: 'ENCSCAN_DNS_BAD_RESPONSE', ...(result.server ? { server: result.server } : {}) };
    }
  };
}

/** The referrals met on the way (their DS RRsets or proofs of none stand in for DS queries). */
function referralsOf(queries: readonly DnsQuery[]): WireMessage[] {
  const out: WireMessage[] = [];
  for (const q of queries) {
    if (!q.response) continue;
    try {
      const m = decodeMessage(Buffer.from(q.response, 'base64'));
      if (m.answer.length === 0 && m.authority.some((rr) => rr.type === RR.NS) && !m.authority.some((rr) => rr.type === RR.SOA)) out.push(m);
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
    }
  }
  return out;
}

/** Validates the host's A and AAAA RRsets (or their denial). Throws only when the client's signal aborts. */
export async function probeDnssec(client: DnsClient, host: string, opts: DnssecProbeOptions): Promise<DnssecEvidence> {
  const result = await validateName(parseName(host.endsWith('.') ? host : `${host}.`), [RR.A, RR.AAAA], {
    anchors: opts.anchors,
    now: opts.now,
    fetch: clientFetch(client),
    strictAlgorithms: opts.strictAlgorithms === true,
  });
  return toEvidence(result, opts);
}

export function toEvidence(result: ChainResult, opts: Pick<DnssecProbeOptions, 'anchor' | 'strictAlgorithms'>): DnssecEvidence {
  return {
    status: result.status,
    reason: result.reason,
    ...(result.message ? { message: result.message } : {}),
    anchor: opts.anchor,
    strictAlgorithms: opts.strictAlgorithms === true,
    chain: result.chain.map((link) => ({
      zone: nameToString(link.zone),
      status: link.status,
      ds: link.ds.map((d) => ({ keyTag: d.keyTag, algorithm: d.algorithm, digestType: d.digestType, digest: Buffer.from(d.digest).toString('hex') })),
      dnskeys: link.dnskeys.map((rdata) => {
        const k = decodeDnskey(rdata);
        return { keyTag: keyTag(rdata), algorithm: k.algorithm, flags: k.flags, bits: dnskeySizeBits(k.algorithm, k.publicKey) };
      }),
      errors: link.errors.map((e) => ({ ...e })),
      ...(link.nsec3 ? { nsec3: { iterations: link.nsec3.iterations, salt: Buffer.from(link.nsec3.salt).toString('hex'), optOut: link.nsec3.optOut } } : {}),
    })),
    rrsets: result.rrsets.map(rrsetEvidence),
    queries: result.queries,
  };
}

function rrsetEvidence(r: RrsetVerdict): DnssecRrset {
  return {
    name: nameToString(r.name),
    type: typeName(r.type),
    status: r.status,
    reason: r.reason,
    ...(r.message ? { message: r.message } : {}),
    ...(r.notes ? { notes: r.notes.map((n) => ({ ...n })) } : {}),
  };
}

/** One RRset as validated from the trust anchor down: its DNSSEC status and the RDATAs that came with it. */
export interface ValidatedRrset {
  status: ChainResult['status'];
  reason: string;
  message?: string;
  /** RDATAs of `type` in the answers (after any CNAME); empty for a denial. */
  rdatas: Uint8Array[];
  /** RCODE of the answer to the query itself; 'SERVFAIL' with `error` when no usable answer came. */
  rcode?: string;
  error?: string;
  /** Each RRset the verdict rests on (alias links, then the answer or its denial), as evidence.dnssec.rrsets holds them. */
  rrsets?: DnssecRrset[];
}

/** Zone data (DS, DNSKEY, ...) fetched once for a series of validatedLookup calls that share it. */
export type ZoneDataCache = Map<string, Promise<Fetched>>;

/**
 * Looks `type` up at `name` and validates the answer or its denial (validateName). The RRset is taken
 * from the very responses the validator judged, so the records and their status cannot disagree. With
 * `zoneData`, lookups in the same zones (the CAA climb) fetch each zone's DS and DNSKEY once.
 */
export async function validatedLookup(
  client: DnsClient, name: string, type: number, opts: Omit<DnssecProbeOptions, 'anchor'>, zoneData?: ZoneDataCache,
): Promise<ValidatedRrset> {
  const qname = parseName(name.endsWith('.') ? name : `${name}.`);
  const asked = (n: Name, t: number) => t === type && namesEqual(n, qname);
  let answer: { rcode: string; error?: string } | undefined;
  const fetch = clientFetch(client, (n, t, result) => {
    if (asked(n, t)) answer ??= { rcode: result.rcode, ...(result.error === undefined ? {} : { error: result.error }) };
  });
  const seen = new Map<string, Uint8Array>();
  const capturing: Fetch = async (n, t) => {
    const got = t === type || !zoneData ? await fetch(n, t) : await shared(zoneData, n, t, fetch);
    if (got.ok && t === type) for (const rr of got.message.answer) if (rr.type === type) seen.set(Buffer.from(rr.rdata).toString('hex'), rr.rdata);
    // An answer that came but does not decode is no answer either.
    if (!got.ok && asked(n, t) && answer !== undefined && answer.error === undefined) answer = { rcode: 'SERVFAIL', error: got.code };
    return got;
  };
  const result = await validateName(qname, [type], {
    anchors: opts.anchors,
    now: opts.now,
    fetch: capturing,
    strictAlgorithms: opts.strictAlgorithms === true,
  });
  return {
    status: result.status,
    reason: result.reason,
    ...(result.message ? { message: result.message } : {}),
    rdatas: [...seen.values()],
    ...answer,
    rrsets: result.rrsets.map(rrsetEvidence),
  };
}

function shared(cache: ZoneDataCache, name: Name, type: number, fetch: Fetch): Promise<Fetched> {
  const key = `${nameToString(name).toLowerCase()}/${type}`;
  let got = cache.get(key);
  if (!got) {
    got = fetch(name, type);
    cache.set(key, got);
  }
  return got;
}
