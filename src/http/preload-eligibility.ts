import { isIP } from 'node:net';
import type { HttpEvidence, HttpHop } from '../evidence/http.js';
import { preloadResponseIssues, type PreloadIssues, type PreloadPolicy } from './preload-header.js';

/** What the HTTP evidence alone cannot tell; each is left out of the verdict when not given. */
export interface PreloadOptions {
  /** The domain to preload; defaults to the host of the chains' first URL. */
  domain?: string;
  policy?: PreloadPolicy;
  /** From the certificate checks: whether https://domain/ presents a chain browsers trust. */
  certificateTrusted?: boolean;
  /** From a public-suffix lookup: whether the domain is registrable (eTLD+1), as hstspreload.org requires. */
  registrable?: boolean;
  /** Whether www.<domain> accepts connections on 443 (`absent` if not), and if so whether TLS works there. */
  www?: 'absent' | 'https' | 'no-https';
}

/** Requirements that `PreloadOptions` left undecided. */
export type PreloadUnchecked = 'domain.tls.certificate' | 'domain.registrable' | 'domain.www' | 'redirects.http';

export interface PreloadEligibility {
  /** No blocking issue in what was checked. Since 2025 hstspreload.org recommends preloading only as an opt-in. */
  eligible: boolean;
  /** hstspreload's error codes, in its order. */
  issues: string[];
  /** hstspreload's warning codes. */
  warnings: string[];
  unchecked: PreloadUnchecked[];
}

const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Whether the site meets the HSTS preload list's submission rules as hstspreload.org checks them
 * (chromium/hstspreload EligibleDomainResponse), judged on recorded evidence: the first HTTPS response carries
 * one preloadable header; http:// redirects first to https:// on the same host, whose response has one too;
 * at most three redirects, none to http://, from either scheme; www works over HTTPS if it exists.
 */
export function preloadEligibility(http: Pick<HttpEvidence, 'redirects'>, opts: PreloadOptions = {}): PreloadEligibility {
  const { http: httpHops, https: httpsHops } = http.redirects;
  const domain = (opts.domain ?? hostOf(httpsHops[0]?.url ?? httpHops[0]?.url ?? '') ?? '').toLowerCase();
  const out: PreloadEligibility = { eligible: false, issues: [], warnings: [], unchecked: [] };
  const add = (i: PreloadIssues): PreloadEligibility => {
    out.issues.push(...i.errors);
    out.warnings.push(...i.warnings);
    return { ...out, eligible: out.issues.length === 0 };
  };

  const format = domainFormatIssue(domain);
  if (format !== null) return add(errors(format));
  if (opts.registrable === false) add(errors('domain.is_subdomain'));
  if (opts.registrable === undefined) out.unchecked.push('domain.registrable');

  const first = httpsHops[0];
  if (first === undefined || first.status === null) return add(errors('domain.tls.cannot_connect'));
  if (opts.certificateTrusted === false) return add(errors('domain.tls.invalid_cert_chain'));
  if (opts.certificateTrusted === undefined) out.unchecked.push('domain.tls.certificate');

  const response = preloadResponseIssues(first.sts, opts.policy);
  add(response);
  if (httpHops.length === 0) out.unchecked.push('redirects.http');
  else {
    const { general, firstRedirectHsts } = httpRedirectIssues(httpHops, domain);
    add(general);
    // As hstspreload: a header problem is reported once, on the main response.
    if (response.errors.length === 0) add(firstRedirectHsts);
  }
  const https = followChain(httpsHops);
  add(errors(...https.issues, ...insecureHops(https.targets)));
  if (opts.www === undefined) out.unchecked.push('domain.www');
  return add(errors(...(opts.www === 'no-https' ? ['domain.www.no_tls'] : [])));
}

/** hstspreload's checks of the chain from http://domain/: general issues, and the first redirect's HSTS. */
function httpRedirectIssues(hops: HttpHop[], domain: string): { general: PreloadIssues; firstRedirectHsts: PreloadIssues } {
  const general: PreloadIssues = { errors: [], warnings: [] };
  const firstRedirectHsts: PreloadIssues = { errors: [], warnings: [] };
  const result = { general, firstRedirectHsts };
  if (hops[0]!.status === null) {
    general.warnings.push('redirects.http.does_not_exist');
    return result;
  }
  if (hops[0]!.sts.length > 0) general.warnings.push('redirects.http.useless_header');
  const chain = followChain(hops);
  general.errors.push(...chain.issues);
  const target = chain.targets[0];
  if (target === undefined) general.errors.push('redirects.http.no_redirect');
  else if (target.protocol === 'https:' && target.hostname === domain) {
    const answer = hops[1];
    if (answer === undefined || answer.status === null) {
      firstRedirectHsts.errors.push('redirects.http.first_redirect.invalid');
      return result;
    }
    if (preloadResponseIssues(answer.sts).errors.length > 0) firstRedirectHsts.errors.push('redirects.http.first_redirect.no_hsts');
    general.errors.push(...insecureHops(chain.targets));
  } else if (target.hostname === `www.${domain}`) general.errors.push('redirects.http.www_first');
  else general.errors.push('redirects.http.first_redirect.insecure');
  return result;
}

/**
 * The redirect targets a client following `hops` requests, as Go's client with hstspreload's limit: more than
 * three targets is `redirects.too_many` (a loop always gets there), a failed request or an unusable Location
 * `redirects.follow_error`.
 */
function followChain(hops: HttpHop[]): { targets: URL[]; issues: string[] } {
  const targets: URL[] = [];
  for (let i = 0; ; i++) {
    const hop = hops[i]!;
    if (hop.status === null) return { targets, issues: ['redirects.follow_error'] };
    if (!REDIRECT_STATUSES.has(hop.status) || hop.location === null) return { targets, issues: [] };
    const next = resolveLocation(hop);
    if (next === null) return { targets, issues: ['redirects.follow_error'] };
    targets.push(next);
    if (targets.length > MAX_REDIRECTS) return { targets, issues: ['redirects.too_many'] };
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return { targets, issues: ['redirects.follow_error'] };
    // The probe stopped on a loop: a client without loop detection follows it past the limit.
    if (i + 1 >= hops.length) return { targets, issues: ['redirects.too_many'] };
  }
}

/** hstspreload's preloadableRedirectChain: the first target that is not https. */
function insecureHops(targets: URL[]): string[] {
  const i = targets.findIndex((u) => u.protocol !== 'https:');
  if (i < 0) return [];
  return [i === 0 ? 'redirects.insecure.initial' : 'redirects.insecure.subsequent'];
}

function resolveLocation(hop: HttpHop): URL | null {
  try {
    return new URL(hop.location!, hop.url);
  } catch {
    return null;
  }
}

/** hstspreload's checkDomainFormat, but for the public-suffix test (see `registrable`). */
function domainFormatIssue(domain: string): string | null {
  if (domain.startsWith('.')) return 'domain.format.begins_with_dot';
  if (domain.endsWith('.')) return 'domain.format.ends_with_dot';
  if (domain.includes('..')) return 'domain.format.contains_double_dot';
  if (!/^[a-z0-9.-]*$/.test(domain.toLowerCase())) return 'domain.format.invalid_characters';
  if (isIP(domain) !== 0) return 'domain.format.is_ip_address';
  return null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function errors(...codes: string[]): PreloadIssues {
  return { errors: codes, warnings: [] };
}
