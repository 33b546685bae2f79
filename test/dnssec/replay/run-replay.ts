// Runs one replay script's queries through encscan's own resolver (DnsClient over the fake network)
// and validator (validateName in legacy-algorithms mode): one client per configured zone and one cache
// for the whole script, a fresh walk per query.
import { type Fetch, type Verdict, validateName } from '../../../src/dnssec/chain.js';
import { isAtOrBelow, parseName } from '../../../src/dnssec/name.js';
import { parseTime } from '../../../src/dnssec/presentation.js';
import { RR, typeNumber } from '../../../src/dnssec/rr-types.js';
import { type TrustAnchor, parseTrustAnchors } from '../../../src/dnssec/trust-anchor.js';
import { Connector, type SocketAddress } from '../../../src/engine/connector.js';
import { errorCode } from '../../../src/engine/errors.js';
import { DnsClient } from '../../../src/probes/dns/client.js';
import { clientFetch } from '../../../src/probes/dns/dnssec-probe.js';
import { startReplayNetwork } from './replay-servers.js';
import { cachingFetch } from './resolver-cache.js';
import { type RplScript } from './rpl.js';

export interface ReplayCheck {
  /** The CHECK_ANSWER step number. */
  step: number;
  question: string;
  queryFlags: string[];
  /** 'not-run' when encscan's client refuses the question (a type it cannot send). */
  status: Verdict | 'not-run';
  reason: string;
  message?: string;
  /** Queries the fake network had no answer for while this check ran. */
  misses: string[];
}

export async function runReplay(script: RplScript): Promise<{ checks: ReplayCheck[]; unparsed: string[] }> {
  const net = await startReplayNetwork(script);
  const anchors: TrustAnchor[] = script.trustAnchors.length > 0 ? parseTrustAnchors(script.trustAnchors.join('\n').replace(/[()]/g, ' ')) : [];
  const now = clockFor(script);
  const checks: ReplayCheck[] = [];
  // One resolver per configured zone for the whole script: the zone cuts and name-server addresses it
  // learns stay known to later queries, as in the resolver the script was written for.
  const connector = new Connector({ portMap: net.portMap, maxConnections: 8, timeoutMs: 1000 });
  const fetch = cachingFetch(zoneRouter(script, connector), {
    aggressiveNsec: script.options.get('aggressive-nsec')?.[0] !== 'no',
    domainInsecure: (script.options.get('domain-insecure') ?? []).map((n) => parseName(n, [])),
  });
  const requireEveryAlgorithm = script.options.get('harden-algo-downgrade')?.[0] === 'yes';
  try {
    let query: { step: number; question: string; flags: string[] } | undefined;
    for (const step of script.steps) {
      if (step.kind === 'QUERY' && step.entry?.question) query = { step: step.step, question: step.entry.question, flags: step.entry.reply };
      if (step.kind !== 'CHECK_ANSWER' || !query) continue;
      net.setStep(query.step);
      const [name, , type] = query.question.split(/\s+/) as [string, string, string];
      const missed = net.misses.length;
      const base = { step: step.step, question: query.question, queryFlags: query.flags };
      const misses = (): string[] => net.misses.slice(missed);
      try {
        const result = await validateName(parseName(name), [typeNumber(type)], { anchors, now, fetch, legacyAlgorithms: true, requireEveryAlgorithm });
        checks.push({ ...base, status: result.status, reason: result.reason, ...(result.message ? { message: result.message } : {}), misses: misses() });
      } catch (err) {
        if (errorCode(err) !== 'ENCSCAN_USAGE') throw err;
        checks.push({ ...base, status: 'not-run', reason: errorCode(err), misses: misses() });
      }
    }
  } finally {
    await net.close();
  }
  return { checks, unparsed: net.unparsed };
}

/**
 * The script's clock. `val-override-date: -1` switches Unbound's signature-date checks off; encscan always
 * checks them, so it validates at a moment inside every signature window of the script instead.
 */
function clockFor(script: RplScript): Date {
  if (script.overrideDate !== '-1') return new Date(parseTime(script.overrideDate!) * 1000);
  const windows = script.ranges.flatMap((r) => r.entries).flatMap((e) => [...e.sections.ANSWER, ...e.sections.AUTHORITY, ...e.sections.ADDITIONAL])
    .flatMap((line) => {
      const m = /\bRRSIG\s+\S+\s+\S+\s+\d+\s+\d+\s+(\d{14})\s+(\d{14})\s/.exec(line);
      return m ? [{ expiration: parseTime(m[1]!), inception: parseTime(m[2]!) }] : [];
    });
  const from = Math.max(...windows.map((w) => w.inception));
  const until = Math.min(...windows.map((w) => w.expiration));
  if (windows.length === 0 || from >= until) throw new Error('the script\'s signature windows do not overlap');
  return new Date(((from + until) / 2) * 1000);
}

/**
 * Sends each query where the script's configuration sends it: to the deepest stub-zone or forward-zone
 * at or above the name (for a DS query, above its parent side, so a forwarded zone's DS comes from the
 * zone above it); names under no configured zone go to every stub address.
 */
function zoneRouter(script: RplScript, connector: Connector): Fetch {
  const servers = (addrs: string[]): SocketAddress[] => addrs.map((address) => ({ address, port: 53 }));
  const clients = script.zones.map((z) => ({
    zone: parseName(z.name, []),
    fetch: clientFetch(new DnsClient({
      connector,
      mode: z.forward ? { kind: 'stub', servers: servers(z.addrs) } : { kind: 'iterative', rootHints: servers(z.addrs) },
      timeoutMs: 1000,
      retries: 0,
    })),
  }));
  const fallback = clientFetch(new DnsClient({ connector, mode: { kind: 'iterative', rootHints: servers(script.zones.flatMap((z) => (z.forward ? [] : z.addrs))) }, timeoutMs: 1000, retries: 0 }));
  return (n, t) => {
    const side = t === RR.DS && n.length > 0 ? n.slice(1) : n;
    const best = clients.filter((c) => isAtOrBelow(side, c.zone)).sort((a, b) => b.zone.length - a.zone.length)[0];
    return (best?.fetch ?? fallback)(n, t);
  };
}
