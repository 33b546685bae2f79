// The fake network of a replay script: one UDP responder on 127.0.0.1 per ADDRESS of its RANGEs, each
// answering from the canned ENTRYs that are live at the current step. The port map sends every other
// address to a responder that answers REFUSED, so a replay can only ever reach loopback.
import dgram from 'node:dgram';
import { concatBytes, u16be, u32be } from '../../../src/codec/bytes.js';
import type { SocketAddress } from '../../../src/engine/connector.js';
import { type Name, isAtOrBelow, nameToString, nameToWire, namesEqual, parseName } from '../../../src/dnssec/name.js';
import { typeNumber } from '../../../src/dnssec/rr-types.js';
import { parseRecords } from '../../../src/dnssec/presentation.js';
import { type WireMessage, type WireRr, decodeMessage } from '../../../src/dnssec/wire.js';
import { type RplEntry, type RplScript, isRcode } from './rpl.js';

const FLAG_BITS: Record<string, number> = { QR: 0x8000, AA: 0x0400, TC: 0x0200, RD: 0x0100, RA: 0x0080, AD: 0x0020, CD: 0x0010 };
const RCODE_VALUES: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };
const DEFAULT_TTL = 3600;

interface Canned {
  entry: RplEntry;
  question: { owner: Name; type: number } | undefined;
  answer: WireRr[];
  authority: WireRr[];
  additional: WireRr[];
}

/** A port map that resolves every address: known ones to their responder, the rest to the sink. */
class LoopbackPortMap extends Map<string, SocketAddress> {
  constructor(private readonly sink: SocketAddress) {
    super();
  }
  override get(key: string): SocketAddress {
    return super.get(key) ?? this.sink;
  }
}

export interface ReplayNetwork {
  portMap: Map<string, SocketAddress>;
  /** Records that the presentation parser could not read, skipped from the answers. */
  unparsed: string[];
  /** Queries no canned entry answered (the responder said REFUSED), as "address name/type". */
  misses: string[];
  setStep(step: number): void;
  close(): Promise<void>;
}

export async function startReplayNetwork(script: RplScript): Promise<ReplayNetwork> {
  const unparsed: string[] = [];
  const misses: string[] = [];
  const records = (lines: string[]): WireRr[] =>
    lines.flatMap((line) => {
      try {
        // Unbound's script reader takes relative names as relative to the root.
        return parseRecords(`$ORIGIN .\n$TTL ${DEFAULT_TTL}\n${line.replace(/[()]/g, ' ')}`);
      } catch {
        unparsed.push(line);
        return [];
      }
    });
  const ranges = script.ranges.map((r) => ({
    ...r,
    canned: r.entries.map((entry): Canned => ({
      entry,
      question: entry.question ? questionRr(entry.question) : undefined,
      answer: records(entry.sections.ANSWER),
      authority: records(entry.sections.AUTHORITY),
      additional: records(entry.sections.ADDITIONAL),
    })),
  }));
  let step = 0;
  const sockets: dgram.Socket[] = [];
  const listen = async (address: string | null): Promise<SocketAddress> => {
    const socket = dgram.createSocket('udp4');
    sockets.push(socket);
    socket.on('message', (wire, rinfo) => {
      let query: WireMessage;
      try {
        query = decodeMessage(wire);
      } catch {
        return;
      }
      const live = ranges.filter((r) => step >= r.from && step <= r.to && address !== null && (r.addresses.length === 0 || r.addresses.includes(address)));
      const hit = live.flatMap((r) => r.canned).find((c) => matches(c, query));
      const q = query.question[0];
      if (!hit && q) misses.push(`${address ?? 'elsewhere'} ${nameToString(q.name)}/${q.type}`);
      socket.send(respond(query, hit), rinfo.port, rinfo.address);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return { address: '127.0.0.1', port: socket.address().port };
  };
  const portMap = new LoopbackPortMap(await listen(null));
  const addresses = new Set(ranges.flatMap((r) => r.addresses));
  for (const address of addresses) portMap.set(address.includes(':') ? `[${address}]:53` : `${address}:53`, await listen(address));
  return {
    portMap,
    unparsed,
    misses,
    setStep: (n) => {
      step = n;
    },
    close: async () => {
      await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

function questionRr(text: string): { owner: Name; type: number } | undefined {
  const [name, , type] = text.split(/\s+/);
  try {
    return { owner: parseName(name!), type: typeNumber(type!) };
  } catch {
    return undefined;
  }
}

/** MATCH keywords: qname, qtype, subdomain (the query at or below the entry's name), TCP (never over UDP). */
function matches(c: Canned, query: WireMessage): boolean {
  const q = query.question[0];
  if (!q) return false;
  const m = c.entry.match;
  if (m.includes('TCP')) return false;
  if (!c.question) return !m.includes('qname') && !m.includes('qtype') && !m.includes('subdomain');
  if (m.includes('qtype') && c.question.type !== q.type) return false;
  if (m.includes('qname') && !namesEqual(c.question.owner, q.name)) return false;
  if (m.includes('subdomain') && !isAtOrBelow(q.name, c.question.owner)) return false;
  return true;
}

function respond(query: WireMessage, hit: Canned | undefined): Uint8Array {
  const q = query.question[0]!;
  const rd = query.flags & FLAG_BITS.RD!;
  if (!hit) return encode(query.id, 0x8000 | rd | RCODE_VALUES.REFUSED!, q.name, q.type, [], [], []);
  let flags = 0x8000 | rd;
  for (const word of hit.entry.reply) {
    if (FLAG_BITS[word] !== undefined && word !== 'RD') flags |= FLAG_BITS[word];
    else if (isRcode(word)) flags |= RCODE_VALUES[word] ?? RCODE_VALUES.SERVFAIL!;
  }
  return encode(query.id, flags, q.name, q.type, hit.answer, hit.authority, hit.additional);
}

function encode(id: number, flags: number, qname: Name, qtype: number, ...sections: WireRr[][]): Uint8Array {
  const rr = (r: WireRr): Uint8Array => concatBytes([nameToWire(r.owner), u16be(r.type), u16be(r.class), u32be(r.ttl), u16be(r.rdata.length), r.rdata]);
  return concatBytes([
    u16be(id), u16be(flags), u16be(1), ...sections.map((s) => u16be(s.length)),
    nameToWire(qname), u16be(qtype), u16be(1),
    ...sections.flat().map(rr),
  ]);
}
