// Reads Unbound's testbound replay scripts (.rpl): the config lines the validator needs, the canned
// answers per fake server (RANGE/ENTRY) and the STEP QUERY / CHECK_ANSWER pairs. Records stay in
// presentation text here; the replay servers parse them.

export interface RplEntry {
  match: string[];
  adjust: string[];
  /** REPLY flags (QR, AA, TC, RD, RA, AD, CD, DO) and the RCODE word. */
  reply: string[];
  question: string | undefined;
  sections: { ANSWER: string[]; AUTHORITY: string[]; ADDITIONAL: string[] };
}

export interface RplRange {
  from: number;
  to: number;
  addresses: string[];
  entries: RplEntry[];
}

export interface RplStep {
  step: number;
  kind: 'QUERY' | 'CHECK_ANSWER' | 'OTHER';
  entry?: RplEntry;
}

export interface RplZone {
  name: string;
  forward: boolean;
  addrs: string[];
}

export interface RplScript {
  trustAnchors: string[];
  overrideDate: string | undefined;
  /** stub-zone (an iterative walk from its stub-addrs) and forward-zone (recursive queries to its forward-addrs). */
  zones: RplZone[];
  options: Map<string, string[]>;
  ranges: RplRange[];
  steps: RplStep[];
}

const RCODES = new Set(['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE']);
export const isRcode = (word: string): boolean => RCODES.has(word);

function unquote(v: string): string {
  const m = /^"(.*)"$/.exec(v.trim());
  return m ? m[1]! : v.trim();
}

export function parseRpl(text: string): RplScript {
  const lines = text.split('\n');
  const script: RplScript = { trustAnchors: [], overrideDate: undefined, zones: [], options: new Map(), ranges: [], steps: [] };
  let i = 0;
  for (; i < lines.length && !lines[i]!.startsWith('CONFIG_END'); i++) {
    const line = lines[i]!.replace(/(^|\s)#.*$/, '').trim();
    const m = /^([\w-]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m as unknown as [string, string, string];
    script.options.set(key, [...(script.options.get(key) ?? []), unquote(value)]);
    if (key === 'trust-anchor') script.trustAnchors.push(unquote(value));
    else if (key === 'val-override-date') script.overrideDate = unquote(value);
    else if (key === 'stub-zone' || key === 'forward-zone') script.zones.push({ name: '.', forward: key === 'forward-zone', addrs: [] });
    else if (key === 'name' && script.zones.length > 0) script.zones[script.zones.length - 1]!.name = unquote(value);
    else if ((key === 'stub-addr' || key === 'forward-addr') && script.zones.length > 0) script.zones[script.zones.length - 1]!.addrs.push(unquote(value).split('@')[0]!);
  }
  let range: RplRange | undefined;
  let step: RplStep | undefined;
  let entry: RplEntry | undefined;
  let section: keyof RplEntry['sections'] | 'QUESTION' | undefined;
  for (i++; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.replace(/;.*$/, '').trim();
    if (line === '') continue;
    const words = line.split(/\s+/);
    const head = words[0]!;
    if (head === 'RANGE_BEGIN') script.ranges.push((range = { from: Number(words[1]), to: Number(words[2]), addresses: [], entries: [] }));
    else if (head === 'RANGE_END') range = undefined;
    else if (head === 'ADDRESS' && range) range.addresses.push(words[1]!);
    else if (head === 'STEP') {
      const kind = words[2] === 'QUERY' || words[2] === 'CHECK_ANSWER' ? words[2] : 'OTHER';
      script.steps.push((step = { step: Number(words[1]), kind }));
    } else if (head === 'ENTRY_BEGIN') {
      entry = { match: [], adjust: [], reply: [], question: undefined, sections: { ANSWER: [], AUTHORITY: [], ADDITIONAL: [] } };
      section = undefined;
    } else if (head === 'ENTRY_END' && entry) {
      if (range) range.entries.push(entry);
      else if (step) step.entry = entry;
      entry = undefined;
    } else if (entry) {
      if (head === 'MATCH') entry.match = words.slice(1);
      else if (head === 'ADJUST') entry.adjust = words.slice(1);
      else if (head === 'REPLY') entry.reply = words.slice(1);
      else if (head === 'SECTION') section = words[1] as typeof section;
      else if (section === 'QUESTION') entry.question = line;
      else if (section) appendRecordLine(entry.sections[section], line);
    }
  }
  return script;
}

/** A record may run over several lines inside parentheses: join them into one. */
function appendRecordLine(out: string[], line: string): void {
  const last = out[out.length - 1];
  if (last !== undefined && openParens(last) > 0) out[out.length - 1] = `${last} ${line}`;
  else out.push(line);
}

function openParens(text: string): number {
  let n = 0;
  for (const c of text) n += c === '(' ? 1 : c === ')' ? -1 : 0;
  return n;
}
