// Loads the DNSSEC corpora from fixtures/corpora and groups presentation records into RRsets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-root.js';
import type { RrsetInput } from '../../src/dnssec/canonical.js';
import { nameToString } from '../../src/dnssec/name.js';
import { parseRecord, parseTime } from '../../src/dnssec/presentation.js';
import { type Rrsig, decodeRrsig } from '../../src/dnssec/rdata.js';
import { RR } from '../../src/dnssec/rr-types.js';
import type { DnskeyRecord } from '../../src/dnssec/verify-rrsig.js';
import type { WireRr } from '../../src/dnssec/wire.js';

export function readCorpus<T>(name: string, file: string): T {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'corpora', name, file), 'utf8')) as T;
}

export interface SignedRrset {
  rrset: RrsetInput;
  rrsigs: Rrsig[];
}

/** Groups records into RRsets by owner, class and type; RRSIGs go with the type they cover. */
export function groupRrsets(lines: readonly string[]): SignedRrset[] {
  const sets = new Map<string, SignedRrset>();
  const slot = (rr: WireRr, type: number): SignedRrset => {
    const key = `${nameToString(rr.owner).toLowerCase()}/${rr.class}/${type}`;
    let s = sets.get(key);
    if (!s) sets.set(key, (s = { rrset: { owner: rr.owner, type, class: rr.class, rdatas: [] }, rrsigs: [] }));
    return s;
  };
  for (const line of lines) {
    const rr = parseRecord(line);
    if (rr.type === RR.RRSIG) {
      const sig = decodeRrsig(rr.rdata);
      slot(rr, sig.typeCovered).rrsigs.push(sig);
    } else (slot(rr, rr.type).rrset.rdatas as Uint8Array[]).push(rr.rdata);
  }
  return [...sets.values()];
}

export function dnskeysOf(sets: readonly SignedRrset[]): DnskeyRecord[] {
  return sets.filter((s) => s.rrset.type === RR.DNSKEY).flatMap((s) => s.rrset.rdatas.map((rdata) => ({ owner: s.rrset.owner, rdata })));
}

/** A YYYYMMDDHHMMSS corpus time as a serial time. */
export const corpusTime = parseTime;
