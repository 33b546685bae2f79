// Enumeration by "remove the chosen one": offer every candidate, drop the one the server picks, ask
// again, until it refuses. That costs Σ(accepted + 1) hellos instead of one per candidate, and the
// picks come out in the server's preference order when it enforces one. Offering the accepted list
// reversed tells whether it does ("server order") or follows the client ("client order").
// Pure: the hello itself is the caller's `ask`.

export type Choice = { kind: 'chosen'; code: number } | { kind: 'refused'; reason: string } | { kind: 'failed'; code: string };
export type Ask = (offer: number[]) => Promise<Choice>;

export interface Ranking {
  /** In the server's order (or the offer's order under client order). */
  accepted: number[];
  serverOrder: boolean | null;
  /** The reason of the last refusal. */
  refusal: string | null;
  /** Set when a hello failed (timeout, malformed answer, a pick outside the offer): `accepted` is partial. */
  error: string | null;
  longHelloIntolerant: boolean;
  asked: number;
}

export interface RankOptions {
  /** Most candidates in one hello; longer lists are asked in bundles and the results merged. */
  maxPerHello: number;
  /** Bundle size after the server dropped a long hello but answered one this long. */
  shortHello: number;
  /** A refusal that ends the search (e.g. "this version is not supported") instead of moving to the next bundle. */
  final?: (reason: string) => boolean;
  /** Spend one more hello to tell server order from client order. */
  checkOrder: boolean;
}

export async function removeChosen(candidates: readonly number[], ask: Ask, opts: RankOptions): Promise<Ranking> {
  const out: Ranking = { accepted: [], serverOrder: null, refusal: null, error: null, longHelloIntolerant: false, asked: 0 };
  const counted: Ask = (offer) => {
    out.asked++;
    return ask(offer);
  };
  let size = Math.min(opts.maxPerHello, candidates.length);
  let first = candidates.length > 0 ? await counted(candidates.slice(0, size)) : null;
  if (first && dropped(first) && size > opts.shortHello) {
    const short = await counted(candidates.slice(0, opts.shortHello));
    if (!dropped(short)) {
      out.longHelloIntolerant = true;
      size = opts.shortHello;
      first = short;
    }
  }
  let bundlesWithPicks = 0;
  for (let at = 0; at < candidates.length; at += size) {
    const r = await drain(candidates.slice(at, at + size), counted, at === 0 ? first : null, false);
    out.accepted.push(...r.chosen);
    if (r.chosen.length > 0) bundlesWithPicks++;
    if (r.last.kind === 'failed') return { ...out, error: r.last.code };
    if (r.last.kind === 'refused') out.refusal = r.last.reason;
    if (r.chosen.length === 0 && at === 0 && opts.final?.(out.refusal ?? '')) return out;
  }
  if (bundlesWithPicks > 1 && out.accepted.length <= size) {
    const r = await drain(out.accepted, counted, null, true);
    if (r.last.kind === 'failed') return { ...out, error: r.last.code };
    out.accepted = r.chosen;
  }
  if (opts.checkOrder && out.accepted.length >= 2) {
    const reversed = [...out.accepted].reverse();
    const pick = await counted(reversed);
    if (pick.kind === 'failed') return { ...out, error: pick.code };
    if (pick.kind === 'chosen') out.serverOrder = pick.code === out.accepted[0] ? true : pick.code === reversed[0] ? false : null;
  }
  return out;
}

/** A hello that got neither a pick nor an alert: a close, reset, timeout or garbage. */
function dropped(p: Choice): boolean {
  return p.kind === 'failed' || (p.kind === 'refused' && p.reason === 'closed');
}

/**
 * Asks until refused. `known`: every offered code is acceptable (re-ranking), so the last one needs no hello.
 * `first` is the answer to the full offer when already asked.
 */
async function drain(offer: number[], ask: Ask, first: Choice | null, known: boolean): Promise<{ chosen: number[]; last: Choice | { kind: 'done' } }> {
  const chosen: number[] = [];
  let left = offer;
  let pick = first ?? (left.length > (known ? 1 : 0) ? await ask(left) : null);
  while (pick) {
    if (pick.kind !== 'chosen') return { chosen, last: pick };
    const code = pick.code;
    if (!left.includes(code)) return { chosen, last: { kind: 'failed', code: 'ENCSCAN_TLS_BAD_VALUE' } };
    chosen.push(code);
    left = left.filter((c) => c !== code);
    pick = left.length > (known ? 1 : 0) ? await ask(left) : null;
  }
  chosen.push(...left);
  return { chosen, last: { kind: 'done' } };
}
