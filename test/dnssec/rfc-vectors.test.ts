import { describe, expect, it } from 'vitest';
import { matchDs } from '../../src/dnssec/ds.js';
import { keyTag } from '../../src/dnssec/key-tag.js';
import { decodeDs, decodeRrsig } from '../../src/dnssec/rdata.js';
import { parseRecord } from '../../src/dnssec/presentation.js';
import { RR } from '../../src/dnssec/rr-types.js';
import { type DnskeyRecord, verifyRrset, verifyRrsig } from '../../src/dnssec/verify-rrsig.js';
import { corpusTime, dnskeysOf, groupRrsets, readCorpus } from './corpus.js';

interface Vector {
  id: string;
  rfc: number;
  kind: 'ds' | 'rrsig' | 'rrsig+ds' | 'zone' | 'response';
  records?: string[];
  sections?: Record<string, string[]>;
  trust_anchor?: string[];
  validation_time?: string;
  rfc_signature_as_printed?: string;
  expected: { signature_valid?: boolean; ds_matches_dnskey?: boolean; key_tag?: number; all_signatures_valid?: boolean; signed_rrsets?: number };
}

const { vectors } = readCorpus<{ vectors: Vector[] }>('rfc-dnssec-vectors', 'vectors.json');

/** The zone vector's DNSKEY RRset, verified by its KSK trust anchor (a self-signature). */
function zoneKeys(rfc: number): DnskeyRecord[] {
  const zone = vectors.find((v) => v.rfc === rfc && v.kind === 'zone')!;
  const sets = groupRrsets(zone.records!);
  const anchor = zone.trust_anchor!.map((l) => parseRecord(l)).map((rr) => ({ owner: rr.owner, rdata: rr.rdata }));
  const keySet = sets.find((s) => s.rrset.type === RR.DNSKEY)!;
  const check = verifyRrset(keySet.rrset, keySet.rrsigs, anchor, { now: corpusTime(zone.validation_time!) });
  if (check.status !== 'secure') throw new Error(`${zone.id}: DNSKEY RRset not signed by the trust anchor`);
  return dnskeysOf(sets);
}

/** Every RRSIG in `lines` verifies with `keys`; returns the number of signed RRsets, or a failure. */
function verifyAll(lines: string[], keys: DnskeyRecord[], now: number): { signed: number; failures: string[] } {
  const failures: string[] = [];
  let signed = 0;
  for (const s of groupRrsets(lines)) {
    if (s.rrsigs.length === 0) continue;
    signed++;
    const result = verifyRrset(s.rrset, s.rrsigs, keys, { now });
    for (const r of result.results) if (r.outcome !== 'valid') failures.push(`${r.rrsig.typeCovered}@${r.rrsig.keyTag}: ${r.outcome}`);
  }
  return { signed, failures };
}

function check(v: Vector): string[] {
  const errors: string[] = [];
  const now = v.validation_time ? corpusTime(v.validation_time) : 0;
  if (v.kind === 'ds' || v.kind === 'rrsig' || v.kind === 'rrsig+ds') {
    const sets = groupRrsets(v.records!);
    const keys = dnskeysOf(sets);
    if (v.expected.key_tag !== undefined && !keys.some((k) => keyTag(k.rdata) === v.expected.key_tag)) errors.push('key tag');
    if (v.expected.ds_matches_dnskey) {
      for (const ds of v.records!.map((l) => parseRecord(l)).filter((rr) => rr.type === RR.DS)) {
        if (!keys.some((k) => matchDs(decodeDs(ds.rdata), ds.owner, k.rdata) === 'match')) errors.push('DS matches no DNSKEY');
      }
    }
    if (v.expected.signature_valid) errors.push(...verifyAll(v.records!, keys, now).failures);
    if (v.rfc_signature_as_printed !== undefined) {
      // RFC 8080 §6 as printed: the signature value does not verify (errata EID 4935).
      const line = v.records!.find((l) => l.includes(' RRSIG '))!;
      const printed = parseRecord(line.replace(/\S+$/, v.rfc_signature_as_printed));
      const target = groupRrsets(v.records!).find((s) => s.rrsigs.length > 0)!;
      if (verifyRrsig(target.rrset, decodeRrsig(printed.rdata), keys[0]!, { now }) !== 'bad-signature') errors.push('printed RFC 8080 signature verified');
    }
  } else if (v.kind === 'zone') {
    const { signed, failures } = verifyAll(v.records!, zoneKeys(v.rfc), now);
    errors.push(...failures);
    if (signed !== v.expected.signed_rrsets) errors.push(`signed RRsets ${signed}, expected ${v.expected.signed_rrsets}`);
  } else {
    const lines = Object.values(v.sections!).flat();
    const { signed, failures } = verifyAll(lines, zoneKeys(v.rfc), now);
    errors.push(...failures);
    if (signed === 0) errors.push('no signed RRset in the response');
  }
  return errors;
}

describe('RFC DNSSEC example vectors', () => {
  const results = vectors.map((v) => ({ id: v.id, errors: check(v) }));
  it.each(results.map((r) => [r.id, r.errors] as const))('%s', (_id, errors) => expect(errors).toEqual([]));
  it('passes 26/26', () => {
    const pass = results.filter((r) => r.errors.length === 0).length;
    console.log(`rfc dnssec vectors: ${pass}/${vectors.length}`);
    expect(vectors).toHaveLength(26);
    expect(pass).toBe(26);
  });
});
