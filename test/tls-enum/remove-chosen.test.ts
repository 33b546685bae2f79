import { describe, expect, it } from 'vitest';
import { removeChosen, type Ask, type Choice } from '../../src/probes/tls/remove-chosen.js';

/** A fake server: accepts `accepted` in that order (server order) or by the offer's order (client order). */
function server(accepted: number[], serverOrder: boolean, extra: (offer: number[]) => Choice | null = () => null): Ask & { offers: number[][] } {
  const offers: number[][] = [];
  const ask = async (offer: number[]): Promise<Choice> => {
    offers.push(offer);
    const forced = extra(offer);
    if (forced) return forced;
    const code = serverOrder ? accepted.find((c) => offer.includes(c)) : offer.find((c) => accepted.includes(c));
    return code === undefined ? { kind: 'refused', reason: 'alert:handshake_failure' } : { kind: 'chosen', code };
  };
  return Object.assign(ask, { offers });
}

const OPTS = { maxPerHello: 4, shortHello: 2, checkOrder: true };
const candidates = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('removeChosen', () => {
  it('finds the server order with Σ(accepted + 1) hellos per bundle plus one order check', async () => {
    const s = server([3, 1, 2], true);
    const r = await removeChosen([1, 2, 3, 4], s, OPTS);
    expect(r).toEqual({ accepted: [3, 1, 2], serverOrder: true, refusal: 'alert:handshake_failure', error: null, longHelloIntolerant: false, asked: 5 });
  });

  it('sees client order', async () => {
    const r = await removeChosen([1, 2, 3, 4], server([3, 1, 2], false), OPTS);
    expect(r).toMatchObject({ accepted: [1, 2, 3], serverOrder: false });
  });

  it('re-ranks suites found in different bundles', async () => {
    const s = server([9, 2, 6], true);
    const r = await removeChosen(candidates, s, OPTS);
    expect(r.accepted).toEqual([9, 2, 6]);
    expect(s.offers.every((o) => o.length <= 4)).toBe(true);
    // bundles [1-4]: 2 picks… then refusal; [5-8]: 1 + 1; [9,10]: 1 + 1; re-rank of 3: 2 hellos; order check: 1
    expect(r.asked).toBe(2 + 2 + 2 + 2 + 1);
  });

  it('stops after a final refusal of the first hello', async () => {
    const s = server([], true, () => ({ kind: 'refused', reason: 'alert:protocol_version' }));
    const r = await removeChosen(candidates, s, { ...OPTS, final: (reason) => reason === 'alert:protocol_version' });
    expect(r).toMatchObject({ accepted: [], asked: 1, refusal: 'alert:protocol_version' });
  });

  it('retries with a short hello when a long one is dropped, and keeps short hellos', async () => {
    const s = server([2, 1], true, (offer) => (offer.length > 2 ? { kind: 'refused', reason: 'closed' } : null));
    const r = await removeChosen([1, 2, 3, 4], s, OPTS);
    expect(r).toMatchObject({ accepted: [2, 1], serverOrder: true, longHelloIntolerant: true, error: null });
    expect(s.offers.every((o, i) => i === 0 || o.length <= 2)).toBe(true);
  });

  it('reports a failure and keeps what it found', async () => {
    let n = 0;
    const s = server([1, 2, 3], true, () => (++n === 2 ? { kind: 'failed', code: 'ENCSCAN_TIMEOUT' } : null));
    expect(await removeChosen([1, 2, 3, 4], s, OPTS)).toMatchObject({ accepted: [1], error: 'ENCSCAN_TIMEOUT', serverOrder: null });
  });

  it('treats a pick outside the offer as an error instead of looping', async () => {
    const s = server([], true, () => ({ kind: 'chosen', code: 99 }));
    expect(await removeChosen([1, 2], s, OPTS)).toMatchObject({ accepted: [], error: 'ENCSCAN_TLS_BAD_VALUE', asked: 1 });
  });
});
