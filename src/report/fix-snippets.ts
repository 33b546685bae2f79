import type { Finding } from '../evidence/report.js';
import type { TargetEvidence } from '../evidence/target.js';
import { profileRules } from './profile-rules.js';

export const FIX_PROFILES = ['intermediate', 'modern'] as const;
export type FixProfile = (typeof FIX_PROFILES)[number];

type Service = 'web' | 'mail';

interface SnippetRules {
  source: string;
  topics: Record<string, { service: Service; checks: string[] }>;
  recognise: Array<{ software: string; service: Service; pattern: string }>;
  opensslNames: Record<string, string>;
  templates: Record<string, Record<string, string[]>>;
}

interface MozillaConfiguration {
  tls_versions: string[];
  ciphersuites: string[];
  ciphers: string[];
  tls_curves: string[];
  hsts_min_age: number;
}

/** src/report/profiles/fix-snippets.json: topics, recognition patterns and templates. */
const snippetRules = (): SnippetRules => profileRules<SnippetRules>('fix-snippets');

type Recognised = { software: string; recognisedBy: string };

/**
 * Which server software the evidence names, per service: the HTTP Server header (endpoint answers,
 * then the redirect chains) for web, the SMTP banner of the MX hosts for mail. Only the software id
 * from our own table reaches the output, never the header text.
 */
export function recogniseSoftware(ev: TargetEvidence): Partial<Record<Service, Recognised>> {
  const headers = [
    ...ev.endpoints.map((e) => e.http?.https.server),
    ...(ev.http?.redirects.https ?? []).map((h) => h.server),
    ...(ev.http?.redirects.http ?? []).map((h) => h.server),
  ].filter((s): s is string => typeof s === 'string');
  const banners = (ev.dane?.mail ?? []).flatMap((mx) => mx.endpoints.flatMap((e) => e.banner?.lines.slice(0, 1) ?? []));
  const out: Partial<Record<Service, Recognised>> = {};
  for (const r of snippetRules().recognise) {
    if (out[r.service] !== undefined) continue;
    const re = new RegExp(r.pattern, 'i');
    const seen = r.service === 'web' ? headers : banners;
    if (seen.some((s) => re.test(s))) out[r.service] = { software: r.software, recognisedBy: r.service === 'web' ? 'HTTP Server header' : 'SMTP banner' };
  }
  return out;
}

/** Adds finding.fix.snippet to warn/fail findings of a topic whose software was recognised; the generic remediation stays. */
export function withFixSnippets(findings: readonly Finding[], ev: TargetEvidence, profile: FixProfile): Finding[] {
  const rules = snippetRules();
  const software = recogniseSoftware(ev);
  return findings.map((f) => {
    if (f.severity !== 'warn' && f.severity !== 'fail') return f;
    const topic = Object.entries(rules.topics).find(([, t]) => t.checks.includes(f.check));
    const found = topic === undefined ? undefined : software[topic[1].service];
    const template = found === undefined ? undefined : rules.templates[found.software]?.[topic![0]];
    if (template === undefined) return f;
    const config = fillTemplate(template, profile, rules);
    return { ...f, fix: { snippet: { ...found!, profile, config, source: rules.source } } };
  });
}

function fillTemplate(lines: readonly string[], profile: FixProfile, rules: SnippetRules): string {
  const m = profileRules<{ configurations: Record<FixProfile, MozillaConfiguration> }>('mozilla').configurations[profile];
  const values: Record<string, string> = {
    protocols: m.tls_versions.join(' '),
    apacheProtocols: `-all ${m.tls_versions.map((v) => `+${v}`).join(' ')}`,
    caddyProtocols: m.tls_versions.map((v) => v.replace('TLSv', 'tls')).join(' '),
    minVersion: m.tls_versions[0]!,
    ciphers: m.ciphers.map((c) => rules.opensslNames[c] ?? c).join(':'),
    ciphersuites: m.ciphersuites.join(':'),
    curves: m.tls_curves.join(':'),
    hstsMaxAge: String(m.hsts_min_age),
  };
  return lines
    .filter((l) => !(l.includes('{ciphers}') && values['ciphers'] === ''))
    .map((l) => l.replace(/\{(\w+)\}/g, (all, k: string) => values[k] ?? all))
    .join('\n');
}
