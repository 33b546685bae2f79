// DNSSEC evidence for a host: the chain walk of src/dnssec/chain.ts fed by encscan's own DNS client,
// on the raw wire bytes of each response (never on dns-packet's decoded records).
import type { DnssecEvidence } from '../../evidence/dnssec.js';
import { type ChainResult, type Fetch, validateName } from '../../dnssec/chain.js';
import { type Name, nameToString, parseName } from '../../dnssec/name.js';
import { decodeDnskey } from '../../dnssec/rdata.js';
import { keyTag } from '../../dnssec/key-tag.js';
import { RR, typeName } from '../../dnssec/rr-types.js';
import type { TrustAnchor } from '../../dnssec/trust-anchor.js';
import { type WireMessage, decodeMessage } from '../../dnssec/wire.js';
import type { DnsQuery } from '../../evidence/dns.js';
import { DecodeError } from '../../engine/errors.js';
import type { DnsClient } from './client.js';

export interface DnssecProbeOptions {
  anchors: readonly TrustAnchor[];
  /** 'configured' for --trust-anchor or the world's anchor file, 'builtin' for the IANA root KSKs. */
  anchor: DnssecEvidence['anchor'];
  now: Date;
  strictAlgorithms?: boolean;
}

/** Queries go through `client`; a response that does not decode counts as no answer. */
export function clientFetch(client: DnsClient): Fetch {
  return async (name: Name, type: number) => {
    const before = client.queries.length;
    const result = await client.lookup(nameToString(name), typeName(type));
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
        return { keyTag: keyTag(rdata), algorithm: k.algorithm, flags: k.flags, bits: k.publicKey.length * 8 };
      }),
      errors: link.errors.map((e) => ({ ...e })),
      ...(link.nsec3 ? { nsec3: { iterations: link.nsec3.iterations, salt: Buffer.from(link.nsec3.salt).toString('hex'), optOut: link.nsec3.optOut } } : {}),
    })),
    rrsets: result.rrsets.map((r) => ({
      name: nameToString(r.name),
      type: typeName(r.type),
      status: r.status,
      reason: r.reason,
      ...(r.message ? { message: r.message } : {}),
      ...(r.notes ? { notes: r.notes.map((n) => ({ ...n })) } : {}),
    })),
    queries: result.queries,
  };
}

/** One RRset as validated from the trust anchor down: its DNSSEC status and the RDATAs that came with it. */
export interface ValidatedRrset {
  status: ChainResult['status'];
  reason: string;
  message?: string;
  /** RDATAs of `type` in the answers (after any CNAME); empty for a denial. */
  rdatas: Uint8Array[];
}

/**
 * Looks `type` up at `name` and validates the answer or its denial (validateName). The RRset is taken
 * from the very responses the validator judged, so the records and their status cannot disagree.
 */
export async function validatedLookup(client: DnsClient, name: string, type: number, opts: Omit<DnssecProbeOptions, 'anchor'>): Promise<ValidatedRrset> {
  const fetch = clientFetch(client);
  const seen = new Map<string, Uint8Array>();
  const capturing: Fetch = async (n, t) => {
    const got = await fetch(n, t);
    if (got.ok && t === type) for (const rr of got.message.answer) if (rr.type === type) seen.set(Buffer.from(rr.rdata).toString('hex'), rr.rdata);
    return got;
  };
  const result = await validateName(parseName(name.endsWith('.') ? name : `${name}.`), [type], {
    anchors: opts.anchors,
    now: opts.now,
    fetch: capturing,
    strictAlgorithms: opts.strictAlgorithms === true,
  });
  return { status: result.status, reason: result.reason, ...(result.message ? { message: result.message } : {}), rdatas: [...seen.values()] };
}
