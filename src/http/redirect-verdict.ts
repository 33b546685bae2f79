// Verdicts on recorded redirect chains and HSTS headers, shared by the http checks and by the roll-up
// that picks, across a host's addresses, the worst chain and header for evidence.http.
import type { HstsEvidence, HttpHop } from '../evidence/http.js';
import { isInconclusive } from '../evidence/inconclusive.js';

const REFUSED = new Set(['ENCSCAN_CONNECT_REFUSED', 'ENCSCAN_CONNECT_FAILED']);

export type HttpVerdict =
  | { outcome: 'to-https' }
  | { outcome: 'to-https-other-host'; location: string }
  | { outcome: 'to-https-later'; hops: number }
  | { outcome: 'serves-http'; status: number | 'none'; url: string }
  | { outcome: 'no-http-listener'; error: string }
  | { outcome: 'loop'; url: string }
  | { outcome: 'too-many-redirects'; hops: number };

export type HttpsVerdict =
  | { outcome: 'ok'; redirects: number }
  | { outcome: 'downgrade'; url: string }
  | { outcome: 'loop'; url: string }
  | { outcome: 'too-many-redirects'; hops: number };

export function hostOf(url: string | null): string | null {
  try {
    return url === null ? null : new URL(url).hostname;
  } catch {
    return null;
  }
}

/** The chain from http://host/; null when it decided nothing (empty, or a timeout). */
export function httpVerdict(hops: readonly HttpHop[]): HttpVerdict | null {
  const first = hops[0];
  if (first === undefined) return null;
  if (first.status === null) return REFUSED.has(first.error ?? '') ? { outcome: 'no-http-listener', error: first.error ?? '' } : null;
  const firstHttps = hops.findIndex((h) => h.url.startsWith('https:'));
  const last = hops[hops.length - 1]!;
  if (firstHttps < 0 && last.error === 'ENCSCAN_HTTP_REDIRECT_LOOP') return { outcome: 'loop', url: last.location ?? last.url };
  if (firstHttps < 0 && last.error === 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS') return { outcome: 'too-many-redirects', hops: hops.length };
  if (firstHttps === 1) {
    return hostOf(first.location) === hostOf(first.url) ? { outcome: 'to-https' } : { outcome: 'to-https-other-host', location: first.location ?? '' };
  }
  if (firstHttps > 1) return { outcome: 'to-https-later', hops: firstHttps };
  if (last.status === null && isInconclusive(last.error)) return null;
  return { outcome: 'serves-http', status: last.status ?? 'none', url: last.url };
}

/** The chain from https://host/; null when the first request got no answer or the chain ended undecided. */
export function httpsVerdict(hops: readonly HttpHop[]): HttpsVerdict | null {
  if (hops[0]?.status == null) return null;
  const plain = hops.find((h) => h.url.startsWith('http:'));
  if (plain) return { outcome: 'downgrade', url: plain.url };
  const last = hops[hops.length - 1]!;
  if (last.error === 'ENCSCAN_HTTP_REDIRECT_LOOP') return { outcome: 'loop', url: last.location ?? last.url };
  if (last.error === 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS') return { outcome: 'too-many-redirects', hops: hops.length };
  if (last.status === null) return null;
  return { outcome: 'ok', redirects: hops.length - 1 };
}

// Higher is worse; an undecided chain ranks below every verdict, so it is picked only when all are undecided.
const HTTP_RANK: Record<HttpVerdict['outcome'], number> = {
  'no-http-listener': 0,
  'to-https': 0,
  'to-https-other-host': 1,
  'to-https-later': 1,
  'too-many-redirects': 2,
  loop: 2,
  'serves-http': 3,
};
const HTTPS_RANK: Record<HttpsVerdict['outcome'], number> = { ok: 0, 'too-many-redirects': 1, loop: 1, downgrade: 2 };

export function httpChainRank(hops: readonly HttpHop[]): number {
  const v = httpVerdict(hops);
  return v === null ? -1 : HTTP_RANK[v.outcome];
}

export function httpsChainRank(hops: readonly HttpHop[]): number {
  const v = httpsVerdict(hops);
  return v === null ? -1 : HTTPS_RANK[v.outcome];
}

/**
 * Orders HSTS results from worst to best: none recorded (no response) sorts last, then a missing or
 * invalid header first, then the shorter max-age, then a header without includeSubDomains, then without preload.
 */
export function compareHsts(a: HstsEvidence | null, b: HstsEvidence | null): number {
  const key = (h: HstsEvidence | null): number[] => {
    if (h === null) return [3, 0, 0, 0];
    if (!h.valid || h.maxAge === null) return [0, 0, 0, 0];
    return [1, h.maxAge, h.includeSubDomains ? 1 : 0, h.preload ? 1 : 0];
  };
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

/** The item that ranks highest (first on ties), or undefined for an empty list. */
export function worstBy<T>(items: readonly T[], rank: (item: T) => number): T | undefined {
  let worst: T | undefined;
  let worstRank = -Infinity;
  for (const item of items) {
    const r = rank(item);
    if (r > worstRank) [worst, worstRank] = [item, r];
  }
  return worst;
}
