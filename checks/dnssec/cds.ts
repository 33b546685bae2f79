import { defineCheck, type Emission } from '../../src/evidence/check.js';
import type { DnssecDs, DnssecServer } from '../../src/evidence/dnssec.js';

const dsKey = (d: DnssecDs): string => `${d.keyTag} ${d.algorithm} ${d.digestType} ${d.digest.toLowerCase()}`;
const tags = (list: Array<{ keyTag: number }>): string => [...new Set(list.map((d) => d.keyTag))].sort((a, b) => a - b).join(' ') || 'none';
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
/** RFC 8078 §4: CDS 0 0 0 00 and CDNSKEY 0 3 0 AA== ask the parent to remove the DS RRset. */
const isDelete = (s: DnssecServer): boolean => s.cds.some((d) => d.algorithm === 0) || s.cdnskey.some((k) => k.algorithm === 0);
const publishes = (s: DnssecServer): boolean => s.cds.length > 0 || s.cdnskey.length > 0;

export default defineCheck({
  id: 'dnssec.cds',
  area: 'dnssec',
  title: 'CDS and CDNSKEY against the DS at the parent',
  cite: ['RFC 7344 §4.1', 'RFC 8078 §4', 'RFC 9615 §2'],
  needs: ['dnssec', 'dnssec-servers'],
  outcomes: {
    matches: { text: 'the CDS/CDNSKEY records of {zone} match its DS at the parent (keys {tags})' },
    mismatch: {
      text: 'the CDS/CDNSKEY records of {zone} ask for DS keys {cds}, but the parent publishes {ds}',
      fix: 'Finish the key rollover of {zone}: have the parent (your registrar) publish the DS the CDS asks for, or remove the stale CDS/CDNSKEY records.',
    },
    'no-key': {
      text: 'the CDS/CDNSKEY records of {zone} name keys {tags} that the zone does not publish',
      fix: 'Publish CDS/CDNSKEY only for keys in the DNSKEY RRset of {zone}; a parent acting on these would break the chain.',
    },
    inconsistent: {
      text: 'the CDS/CDNSKEY records of {zone} disagree: {detail}',
      fix: 'Publish one CDS and CDNSKEY set on every server of {zone}, naming the same keys (RFC 7344 §4.1).',
    },
    delete: { text: '{zone} asks its parent to delete the DS (RFC 8078 CDS/CDNSKEY delete records)' },
  },
  applies: (ev) => (ev.dnssec?.servers ?? []).some(publishes),
  run: ({ dnssec }, ctx) => {
    const out: Emission[] = [];
    for (const zone of [...new Set(dnssec!.servers!.filter(publishes).map((s) => s.zone))]) {
      const servers = dnssec!.servers!.filter((s) => s.zone === zone && (s.udp === 'NOERROR' || s.tcp === 'NOERROR'));
      const sets = new Map(servers.map((s) => [`CDS ${tags(s.cds)} / CDNSKEY ${tags(s.cdnskey)}`, s.address]));
      const split = servers.find((s) => s.cds.length > 0 && s.cdnskey.length > 0 && tags(s.cds) !== tags(s.cdnskey));
      if (sets.size > 1 || split) {
        const detail = sets.size > 1 ? [...sets].map(([v, a]) => `${a}: ${v}`).join('; ') : `CDS names keys ${tags(split!.cds)}, CDNSKEY keys ${tags(split!.cdnskey)}`;
        out.push(ctx.emit('inconsistent', { zone, detail }));
        continue;
      }
      const first = servers.find(publishes)!;
      if (isDelete(first)) {
        out.push(ctx.emit('delete', { zone }));
        continue;
      }
      const wanted = first.cds.length > 0 ? first.cds : first.cdnskey;
      const published = new Set(servers.flatMap((s) => s.dnskeys));
      const unknown = wanted.filter((k) => !published.has(k.keyTag));
      if (unknown.length > 0) {
        out.push(ctx.emit('no-key', { zone, tags: tags(unknown) }));
        continue;
      }
      const ds = dnssec!.chain.find((z) => z.zone === zone)?.ds ?? [];
      const agrees = first.cds.length > 0 ? sameSet(first.cds.map(dsKey), ds.map(dsKey)) : tags(first.cdnskey) === tags(ds);
      out.push(agrees ? ctx.emit('matches', { zone, tags: tags(ds) }) : ctx.emit('mismatch', { zone, cds: tags(wanted), ds: tags(ds) }));
    }
    return out;
  },
});
