// Builds DNS messages with name compression (owner names, and the names in NS, CNAME and MX RDATA),
// so the wire reader is tested on messages shaped like servers' answers.
import { concatBytes, u16be, u32be } from '../../src/codec/bytes.js';
import { type Name, nameToString, parseName } from '../../src/dnssec/name.js';
import { parseRecord } from '../../src/dnssec/presentation.js';
import { RR, typeNumber } from '../../src/dnssec/rr-types.js';

class Writer {
  parts: Uint8Array[] = [];
  length = 0;
  private names = new Map<string, number>();
  push(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }
  name(name: Name): void {
    for (let i = 0; i < name.length; i++) {
      const key = nameToString(name.slice(i)).toLowerCase();
      const at = this.names.get(key);
      if (at !== undefined) return this.push(u16be(0xc000 | at));
      if (this.length < 0x3fff) this.names.set(key, this.length);
      this.push(Uint8Array.of(name[i]!.length));
      this.push(name[i]!);
    }
    this.push(Uint8Array.of(0));
  }
}

export interface Sections {
  answer: string[];
  authority: string[];
  additional: string[];
}

/** `question` is "name CLASS TYPE"; records are single-line "owner ttl class type rdata". */
export function buildMessage(question: string, sections: Sections, flags = 0x8400): Uint8Array {
  const w = new Writer();
  w.push(concatBytes([u16be(0x1234), u16be(flags), u16be(1), u16be(sections.answer.length), u16be(sections.authority.length), u16be(sections.additional.length)]));
  const [qname, , qtype] = question.split(/\s+/) as [string, string, string];
  w.name(parseName(qname));
  w.push(concatBytes([u16be(typeNumber(qtype)), u16be(1)]));
  for (const line of [...sections.answer, ...sections.authority, ...sections.additional]) {
    const rr = parseRecord(line);
    const fields = line.split(/\s+/);
    w.name(rr.owner);
    w.push(concatBytes([u16be(rr.type), u16be(rr.class), u32be(rr.ttl)]));
    const lenAt = w.parts.length;
    w.push(new Uint8Array(2));
    const start = w.length;
    if (rr.type === RR.NS || rr.type === RR.CNAME) w.name(parseName(fields[4]!));
    else if (rr.type === RR.MX) {
      w.push(rr.rdata.subarray(0, 2));
      w.name(parseName(fields[5]!));
    } else w.push(rr.rdata);
    w.parts[lenAt] = u16be(w.length - start);
  }
  return concatBytes(w.parts);
}
