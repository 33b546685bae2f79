// Facts read from one authoritative server's raw answers for the per-server diagnosis: serial, key tags,
// signature times, denial records. Malformed records are skipped (the validator judges them, not this).
import type { DnssecDs, DnssecKey, DnssecServer } from '../../evidence/dnssec.js';
import { DecodeError } from '../../engine/errors.js';
import { dnskeySizeBits } from '../../dnssec/key-size.js';
import { keyTag } from '../../dnssec/key-tag.js';
import { type Name, namesEqual, readName } from '../../dnssec/name.js';
import { type Rrsig, decodeDnskey, decodeDs, decodeNsec3, decodeRrsig } from '../../dnssec/rdata.js';
import { dnsReader } from '../../dnssec/reader.js';
import { RR } from '../../dnssec/rr-types.js';
import { toSerialTime } from '../../dnssec/serial-time.js';
import type { WireMessage, WireRr } from '../../dnssec/wire.js';

/** Decodes with `decode`, dropping what does not decode. */
function decodeEach<T>(records: readonly WireRr[], decode: (rr: WireRr) => T): T[] {
  const out: T[] = [];
  for (const rr of records) {
    try {
      out.push(decode(rr));
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
    }
  }
  return out;
}

const rrsOf = (section: readonly WireRr[], owner: Name, type: number): WireRr[] => section.filter((rr) => rr.type === type && namesEqual(rr.owner, owner));

/** All RRSIGs of a message, answer and authority sections. */
export function rrsigsOf(m: WireMessage): Rrsig[] {
  return decodeEach([...m.answer, ...m.authority].filter((rr) => rr.type === RR.RRSIG), (rr) => decodeRrsig(rr.rdata));
}

/** The SOA serial at the zone apex (RFC 1035 §3.3.13: MNAME, RNAME, then SERIAL), or null. */
export function soaSerial(m: WireMessage, zone: Name): number | null {
  const soa = decodeEach(rrsOf(m.answer, zone, RR.SOA), (rr) => {
    const r = dnsReader(rr.rdata);
    readName(r);
    readName(r);
    return r.u32('SOA serial');
  });
  return soa[0] ?? null;
}

export function dsOf(m: WireMessage, owner: Name, type: number = RR.DS): DnssecDs[] {
  return decodeEach(rrsOf(m.answer, owner, type), (rr) => {
    const d = decodeDs(rr.rdata);
    return { keyTag: d.keyTag, algorithm: d.algorithm, digestType: d.digestType, digest: Buffer.from(d.digest).toString('hex') };
  });
}

export function keysOf(m: WireMessage, owner: Name, type: number = RR.DNSKEY): DnssecKey[] {
  return decodeEach(rrsOf(m.answer, owner, type), (rr) => {
    const k = decodeDnskey(rr.rdata);
    return { keyTag: keyTag(rr.rdata), algorithm: k.algorithm, flags: k.flags, bits: dnskeySizeBits(k.algorithm, k.publicKey) };
  });
}

/** What came with a negative answer: NSEC, NSEC3 (with its parameters) or nothing. */
export function denialOf(m: WireMessage): Pick<DnssecServer, 'denial' | 'nsec3'> {
  const nsec3 = decodeEach(m.authority.filter((rr) => rr.type === RR.NSEC3), (rr) => decodeNsec3(rr.rdata))[0];
  if (nsec3) {
    return { denial: 'nsec3', nsec3: { hashAlgorithm: nsec3.hashAlgorithm, flags: nsec3.flags, iterations: nsec3.iterations, salt: Buffer.from(nsec3.salt).toString('hex') } };
  }
  return { denial: m.authority.some((rr) => rr.type === RR.NSEC) ? 'nsec' : 'none' };
}

/** A 32-bit RRSIG time (RFC 4034 §3.1.5) as the absolute instant closest to `now`. */
export function serialToDate(serial: number, now: Date): Date {
  const offset = (serial - toSerialTime(now)) | 0;
  return new Date((Math.floor(now.getTime() / 1000) + offset) * 1000);
}
