// The chain walk over the signed lab tree: every lab zone gets its verdict with the right reason.
import { describe, expect, it } from 'vitest';
import { defaultRootAnchors, type TrustAnchor } from '../../src/dnssec/trust-anchor.js';
import { DnsClient } from '../../src/probes/dns/client.js';
import { clientFetch, probeDnssec } from '../../src/probes/dns/dnssec-probe.js';
import { type ChainOptions, type ChainResult, type Fetch, validateName } from '../../src/dnssec/chain.js';
import { nameToString, nameToWire, parseName } from '../../src/dnssec/name.js';
import { RR, typeName } from '../../src/dnssec/rr-types.js';
import type { WireMessage } from '../../src/dnssec/wire.js';
import { useDnsLab } from '../support/dns-lab.js';

const NOW = new Date();
const DAY = 86_400_000;

const dnsLab = useDnsLab(NOW);

function iterativeClient(): DnsClient {
  return new DnsClient({ connector: dnsLab.connector, mode: { kind: 'iterative', rootHints: [{ address: '127.0.53.1', port: 53 }] }, timeoutMs: 1000, retries: 0 });
}

function probe(host: string, opts: { now?: Date; strictAlgorithms?: boolean; anchors?: TrustAnchor[] } = {}) {
  const client = iterativeClient();
  return probeDnssec(client, host, { anchors: opts.anchors ?? dnsLab.anchors, anchor: 'configured', now: opts.now ?? NOW, strictAlgorithms: opts.strictAlgorithms ?? false });
}

describe('lab verdicts', () => {
  it.each([
    ['good.example.test', 'secure', 'SECURE'],
    ['www.example.test', 'secure', 'SECURE'],
    ['missing.example.test', 'secure', 'SECURE'],
    ['www.rsasha1.test', 'secure', 'SECURE'],
    ['www.insecure.test', 'insecure', 'NO_DS_PROVEN'],
    ['www.expired-sig.test', 'bogus', 'EXPIRATION_IN_PAST'],
    ['www.bad-ds.test', 'bogus', 'NO_SEP'],
    ['www.no-rrsig.test', 'bogus', 'MISSING_RRSIG'],
    ['www.broken.test', 'indeterminate', 'UNABLE_TO_RETRIEVE_DNSSEC_RECORDS'],
    ['www.nsec3.test', 'secure', 'SECURE'],
    ['www.nsec3-legacy.test', 'secure', 'SECURE'],
    ['www.wild.test', 'secure', 'SECURE'],
    ['www.old.dname.test', 'secure', 'SECURE'],
  ])('%s is %s (%s)', async (host, status, reason) => {
    const ev = await probe(host);
    expect({ status: ev.status, reason: ev.reason }).toEqual({ status, reason });
  });

  it('walks root, test. and example.test. with their algorithms', async () => {
    const ev = await probe('good.example.test');
    expect(ev.chain.map((z) => [z.zone, z.status, [...new Set(z.dnskeys.map((k) => k.algorithm))]])).toEqual([
      ['.', 'secure', [8]],
      ['test.', 'secure', [13]],
      ['example.test.', 'secure', [15]],
    ]);
    expect(ev.chain[2]!.dnskeys.map((k) => k.flags).sort()).toEqual([256, 257]);
    expect(ev.rrsets.map((r) => [r.name, r.type, r.status])).toEqual([
      ['good.example.test.', 'A', 'secure'],
      ['good.example.test.', 'AAAA', 'secure'],
    ]);
  });

  it('follows a CNAME and validates each link', async () => {
    const ev = await probe('www.example.test');
    expect(ev.rrsets.map((r) => [r.name, r.type, r.status])).toEqual([
      ['www.example.test.', 'CNAME', 'secure'],
      ['good.example.test.', 'A', 'secure'],
      ['www.example.test.', 'CNAME', 'secure'],
      ['good.example.test.', 'AAAA', 'secure'],
    ]);
  });

  it('puts the broken link in the zone it belongs to', async () => {
    const bad = await probe('www.bad-ds.test');
    expect(bad.chain.at(-1)).toMatchObject({ zone: 'bad-ds.test.', status: 'bogus', errors: [{ code: 'NO_SEP' }] });
    expect(bad.message).toBe('DS in test. matches no DNSKEY in bad-ds.test.');
    const expired = await probe('www.expired-sig.test');
    expect(expired.chain.at(-1)).toMatchObject({ zone: 'expired-sig.test.', status: 'bogus', errors: [{ code: 'EXPIRATION_IN_PAST' }] });
    const insecure = await probe('www.insecure.test');
    expect(insecure.chain.at(-1)).toMatchObject({ zone: 'insecure.test.', status: 'insecure', errors: [{ code: 'NO_DS_PROVEN' }] });
  });

  it('proves the unsigned delegation with an opt-out NSEC3 span of test.', async () => {
    const ev = await probe('www.insecure.test');
    expect(ev.chain.find((z) => z.zone === 'test.')?.nsec3).toEqual({ iterations: 0, salt: '', optOut: true });
    expect(ev.message).toBe('test. proves with an opt-out NSEC3 span that insecure.test. has no DS: the delegation is unsigned');
  });

  it('denies AAAA with NSEC3 and reports the parameters the proof used', async () => {
    const good = await probe('www.nsec3.test');
    expect(good.rrsets.map((r) => [r.type, r.status])).toEqual([['A', 'secure'], ['AAAA', 'secure']]);
    expect(good.chain.at(-1)).toMatchObject({ zone: 'nsec3.test.', nsec3: { iterations: 0, salt: '', optOut: false } });
    const legacy = await probe('www.nsec3-legacy.test');
    expect(legacy.chain.at(-1)).toMatchObject({ zone: 'nsec3-legacy.test.', nsec3: { iterations: 10, salt: 'aabbccdd', optOut: false } });
  });

  it('validates a wildcard expansion with its NSEC proof, and a wildcard NODATA', async () => {
    const ev = await probe('www.wild.test');
    expect(ev.rrsets.map((r) => [r.name, r.type, r.status])).toEqual([['www.wild.test.', 'A', 'secure'], ['www.wild.test.', 'AAAA', 'secure']]);
  });

  it('follows a signed DNAME through its synthesized CNAME', async () => {
    const ev = await probe('www.old.dname.test');
    expect(ev.rrsets.slice(0, 2).map((r) => [r.name, r.type, r.status])).toEqual([['old.dname.test.', 'DNAME', 'secure'], ['www.new.dname.test.', 'A', 'secure']]);
  });

  it('calls a wildcard answer without its proof, or a CNAME the DNAME did not synthesize, bogus', async () => {
    const client = iterativeClient();
    const tamper = (edit: (m: WireMessage) => WireMessage): Fetch => async (n, t) => {
      const got = await clientFetch(client)(n, t);
      return got.ok ? { ...got, message: edit(got.message) } : got;
    };
    const noNsec = tamper((m) => ({ ...m, authority: m.authority.filter((rr) => rr.type !== RR.NSEC) }));
    const wild = await validateName(parseName('www.wild.test.'), [RR.A], { anchors: dnsLab.anchors, now: NOW, fetch: noNsec });
    expect([wild.status, wild.reason]).toEqual(['bogus', 'WILDCARD_NOT_PROVEN']);
    const evil = nameToWire(parseName('www.evil.dname.test.'));
    const forged = tamper((m) => ({ ...m, answer: m.answer.map((rr) => (rr.type === RR.CNAME ? { ...rr, rdata: evil } : rr)) }));
    const dname = await validateName(parseName('www.old.dname.test.'), [RR.A], { anchors: dnsLab.anchors, now: NOW, fetch: forged });
    expect([dname.status, dname.reason]).toEqual(['bogus', 'DNAME_SYNTHESIS_INVALID']);
  });

  it('keeps a TTL above the original TTL secure but notes it (RFC 4035 §5.3.3)', async () => {
    const client = iterativeClient();
    const fetch: Fetch = async (n, t) => {
      const got = await clientFetch(client)(n, t);
      return got.ok && t === RR.A ? { ...got, message: { ...got.message, answer: got.message.answer.map((rr) => ({ ...rr, ttl: rr.type === RR.A ? 999_999 : rr.ttl })) } } : got;
    };
    const result = await validateName(parseName('good.example.test.'), [RR.A], { anchors: dnsLab.anchors, now: NOW, fetch });
    expect(result.status).toBe('secure');
    expect(result.rrsets[0]!.notes?.map((n) => n.code)).toEqual(['TTL_ABOVE_ORIGINAL']);
  });

  describe('answers shaped by resolvers and co-hosting servers', () => {
    /** The lab's answers through `edit`, with every query the walk sends recorded as "name/TYPE". */
    const edited = (edit: (n: string, t: number, m: WireMessage) => WireMessage | Promise<WireMessage>) => {
      const client = iterativeClient();
      const asked: string[] = [];
      const fetch: Fetch = async (n, t) => {
        asked.push(`${nameToString(n)}/${typeName(t)}`);
        const got = await clientFetch(client)(n, t);
        return got.ok ? { ...got, message: await edit(nameToString(n), t, got.message) } : got;
      };
      return { asked, fetch };
    };
    const validate = (name: string, type: number, fetch: Fetch, extra: Partial<ChainOptions> = {}) =>
      validateName(parseName(name), [type], { anchors: dnsLab.anchors, now: NOW, fetch, ...extra });
    const links = (result: ChainResult): string[][] => result.rrsets.map((r) => [nameToString(r.name), typeName(r.type), r.status]);

    it('validates a CNAME query whose RCODE speaks of the alias target (RFC 6604 §2.1)', async () => {
      const { fetch } = edited((n, t, m) => (n === 'www.example.test.' && t === RR.CNAME ? { ...m, flags: (m.flags & ~0xf) | 3 } : m));
      const result = await validate('www.example.test.', RR.CNAME, fetch);
      expect(links(result)).toEqual([['www.example.test.', 'CNAME', 'secure']]);
    });

    it('proves a CNAME query below a DNAME by the signed DNAME, not the unsigned synthesized CNAME', async () => {
      const result = await validate('www.old.dname.test.', RR.CNAME, edited((_n, _t, m) => m).fetch);
      expect(links(result)).toEqual([['old.dname.test.', 'DNAME', 'secure']]);
    });

    it('finds the signer of an answer whose RRSIG a server put in the additional section', async () => {
      const isSig = (rr: WireMessage['answer'][number]): boolean => rr.type === RR.RRSIG;
      const { asked, fetch } = edited((n, t, m) =>
        n === 'good.example.test.' && t === RR.A ? { ...m, answer: m.answer.filter((rr) => !isSig(rr)), additional: [...m.additional, ...m.answer.filter(isSig)] } : m);
      const result = await validate('good.example.test.', RR.A, fetch);
      expect(result.status).toBe('secure');
      expect(asked).not.toContain('good.example.test./DS');
    });

    it('asks for an alias target again when an NXDOMAIN RCODE comes with nothing to prove it', async () => {
      const { asked, fetch } = edited((n, t, m) =>
        n === 'www.example.test.' && t === RR.A ? { ...m, flags: (m.flags & ~0xf) | 3, answer: m.answer.filter((rr) => nameToString(rr.owner) === n), authority: [] } : m);
      const result = await validate('www.example.test.', RR.A, fetch);
      expect(links(result)).toEqual([['www.example.test.', 'CNAME', 'secure'], ['good.example.test.', 'A', 'secure']]);
      expect(asked).toContain('good.example.test./A');
    });

    it('calls a denial from the parent zone of a name below an unsigned cut insecure, as the cut is proven', async () => {
      // A server hosting test. and insecure.test. answers for www.insecure.test. from test.: the NODATA it
      // gives the DS query at the cut stands in for that answer.
      const client = iterativeClient();
      const { fetch } = edited(async (n, t, m) => {
        if (n !== 'www.insecure.test.' || t !== RR.A) return m;
        const parent = await clientFetch(client)(parseName('insecure.test.'), RR.DS);
        return parent.ok ? { ...parent.message, question: m.question } : m;
      });
      const result = await validate('www.insecure.test.', RR.A, fetch);
      expect([result.status, result.reason]).toEqual(['insecure', 'NO_DS_PROVEN']);
    });

    it('reads RFC 4035 §2.2 strictly only when asked: a DS algorithm that signs nothing makes the keys bogus', async () => {
      const root = dnsLab.anchors.find((a) => a.kind === 'ds' && a.owner.length === 0)!;
      const anchors = [...dnsLab.anchors, { ...root, algorithm: 13, keyTag: 4242 }];
      const fetch = edited((_n, _t, m) => m).fetch;
      const lenient = await validate('good.example.test.', RR.A, fetch, { anchors });
      expect(lenient.status).toBe('secure');
      const strict = await validate('good.example.test.', RR.A, fetch, { anchors, requireEveryAlgorithm: true });
      expect([strict.status, strict.reason, strict.message]).toEqual(['bogus', 'MISSING_RRSIG_FOR_ALG_DS', './DNSKEY has no valid RRSIG with algorithm 13, which the DS RRset of . lists']);
    });
  });

  it('treats RSASHA1 as unsupported, hence insecure, with strict algorithms', async () => {
    const ev = await probe('www.rsasha1.test', { strictAlgorithms: true });
    expect({ status: ev.status, reason: ev.reason }).toEqual({ status: 'insecure', reason: 'ALGORITHM_NOT_SUPPORTED' });
  });

  it('uses the configured clock: the whole tree has expired 60 days later', async () => {
    const ev = await probe('good.example.test', { now: new Date(NOW.getTime() + 60 * DAY) });
    expect({ status: ev.status, reason: ev.reason, zone: ev.chain[0]!.zone }).toEqual({ status: 'bogus', reason: 'EXPIRATION_IN_PAST', zone: '.' });
  });

  it('is bogus at the root under the IANA root anchors', async () => {
    const ev = await probe('good.example.test', { anchors: defaultRootAnchors() });
    expect({ status: ev.status, reason: ev.reason }).toEqual({ status: 'bogus', reason: 'NO_TRUST_ANCHOR_SIGNING' });
  });
});
