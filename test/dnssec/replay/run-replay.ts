// Runs one replay script's queries through encscan's own resolver (DnsClient over the fake network)
// and validator (validateName in legacy-algorithms mode), one fresh client and walk per query.
import { type Fetch, type Fetched, type Verdict, validateName } from '../../../src/dnssec/chain.js';
import { nameToString, parseName } from '../../../src/dnssec/name.js';
import { parseTime } from '../../../src/dnssec/presentation.js';
import { typeNumber } from '../../../src/dnssec/rr-types.js';
import { type TrustAnchor, parseTrustAnchors } from '../../../src/dnssec/trust-anchor.js';
import { Connector } from '../../../src/engine/connector.js';
import { errorCode } from '../../../src/engine/errors.js';
import { DnsClient } from '../../../src/probes/dns/client.js';
import { clientFetch } from '../../../src/probes/dns/dnssec-probe.js';
import { startReplayNetwork } from './replay-servers.js';
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
}

export async function runReplay(script: RplScript): Promise<{ checks: ReplayCheck[]; unparsed: string[] }> {
  const net = await startReplayNetwork(script);
  const anchors: TrustAnchor[] = script.trustAnchors.length > 0 ? parseTrustAnchors(script.trustAnchors.join('\n').replace(/[()]/g, ' ')) : [];
  const now = new Date(parseTime(script.overrideDate!) * 1000);
  const checks: ReplayCheck[] = [];
  // Answers stay cached across the script's queries, as in the resolver the script was written for.
  const cache = new Map<string, Fetched>();
  const cached = (fetch: Fetch): Fetch => async (n, t) => {
    const key = `${nameToString(n).toLowerCase()}/${t}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const got = await fetch(n, t);
    if (got.ok) cache.set(key, got);
    return got;
  };
  try {
    let query: { step: number; question: string; flags: string[] } | undefined;
    for (const step of script.steps) {
      if (step.kind === 'QUERY' && step.entry?.question) query = { step: step.step, question: step.entry.question, flags: step.entry.reply };
      if (step.kind !== 'CHECK_ANSWER' || !query) continue;
      net.setStep(query.step);
      const connector = new Connector({ portMap: net.portMap, maxConnections: 8, timeoutMs: 1000 });
      const mode = script.forwardAddrs.length > 0
        ? { kind: 'stub' as const, servers: script.forwardAddrs.map((address) => ({ address, port: 53 })) }
        : { kind: 'iterative' as const, rootHints: script.stubAddrs.map((address) => ({ address, port: 53 })) };
      const client = new DnsClient({ connector, mode, timeoutMs: 1000, retries: 0 });
      const [name, , type] = query.question.split(/\s+/) as [string, string, string];
      const base = { step: step.step, question: query.question, queryFlags: query.flags };
      try {
        const result = await validateName(parseName(name), [typeNumber(type)], { anchors, now, fetch: cached(clientFetch(client)), legacyAlgorithms: true });
        checks.push({ ...base, status: result.status, reason: result.reason, ...(result.message ? { message: result.message } : {}) });
      } catch (err) {
        if (errorCode(err) !== 'ENCSCAN_USAGE') throw err;
        checks.push({ ...base, status: 'not-run', reason: errorCode(err) });
      }
    }
  } finally {
    await net.close();
  }
  return { checks, unparsed: net.unparsed };
}
