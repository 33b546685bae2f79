import type { Score } from '../evidence/report.js';
import type { EndpointEvidence, TargetEvidence } from '../evidence/target.js';
import { distinguishingSni, endpointLabel } from '../evidence/endpoint-label.js';
import { findingLocation } from './render-summary.js';
import { profileRules, type Category, type ProfileScore } from './profile-rules.js';

type Level = 'modern' | 'intermediate' | 'old';

interface Configuration {
  guidelines: string;
  tls_versions: string[];
  ciphersuites: string[];
  ciphers: string[];
  tls_curves: string[];
  required_curves: string[];
  certificate_types: string[];
  certificate_curves: string[];
  certificate_signatures: string[];
  rsa_key_size: number | null;
  hsts_min_age: number | null;
  server_preferred_order: boolean;
  maximum_certificate_lifespan: number;
}

interface MozillaRules {
  profile: 'mozilla';
  rulesVersion: string;
  order: Level[];
  whenNoneMet: Level;
  levels: Record<Level | 'none', { score: number; verdict: Category['verdict'] }>;
  aliases: Record<string, string>;
  configurations: Record<Level, Configuration>;
  notEvaluated: string[];
}

export const mozillaRules = (): MozillaRules => profileRules<MozillaRules>('mozilla');

const VERSION_TEXT: Record<string, string> = { SSLv2: 'SSL 2.0', SSLv3: 'SSL 3.0', 'TLSv1.0': 'TLS 1.0', 'TLSv1.1': 'TLS 1.1', 'TLSv1.2': 'TLS 1.2', 'TLSv1.3': 'TLS 1.3' };
const version = (v: string): string => VERSION_TEXT[v] ?? v;
const DAY = 86_400_000;

/** What one category finds wrong with one endpoint (or the target) for one configuration. */
type Differ = (cfg: Configuration, level: Level) => string[];

/**
 * Compliance with the Mozilla server-side TLS guidelines: the strictest configuration met and the
 * exact differences from the next stricter one, from enumeration, certificate and HSTS evidence.
 * A difference names its endpoint (with the SNI name by the rule of findings, `host` being the target's)
 * when several endpoints are judged or the endpoint was scanned under another name.
 */
export function scoreMozilla(ev: TargetEvidence, host: string): ProfileScore {
  const rules = mozillaRules();
  const name = (n: string): string => rules.aliases[n] ?? rules.aliases[n.toLowerCase()] ?? n;
  const enumerated = ev.endpoints.filter((e) => e.tls?.protocols?.some((p) => p.supported) === true);
  const withLeaf = ev.endpoints.filter((e) => e.certificates?.[0] !== undefined);
  const tag = (list: EndpointEvidence[], e: EndpointEvidence, s: string): string => {
    const sni = distinguishingSni(e, ev.endpoints, host);
    return list.length > 1 || sni !== undefined ? `${findingLocation({ endpoint: endpointLabel(e.address, e.port), sni })}: ${s}` : s;
  };
  const perEndpoint = (list: EndpointEvidence[], f: (e: EndpointEvidence, cfg: Configuration, level: Level) => string[]): Differ | null =>
    list.length === 0 ? null : (cfg, level) => [...new Set(list.flatMap((e) => f(e, cfg, level).map((s) => tag(list, e, s))))];

  const differs: Array<{ id: string; differ: Differ | null; none: string }> = [
    { id: 'tls', differ: perEndpoint(enumerated, (e, cfg, level) => tlsDifferences(e, cfg, level, name)), none: 'no endpoint was enumerated' },
    { id: 'certificate', differ: perEndpoint(withLeaf, (e, cfg, level) => certificateDifferences(e, cfg, level, name)), none: 'no certificate was seen' },
    { id: 'https-hsts', differ: ev.http === undefined || ev.http.hsts === null ? null : (cfg, level) => hstsDifferences(ev, cfg, level), none: 'no HTTPS response' },
  ];

  const byLevel = Object.fromEntries(rules.order.map((l) => [l, [] as string[]])) as Record<Level, string[]>;
  const categories: Category[] = differs.map(({ id, differ, none }) => {
    if (differ === null) return { id, score: null, verdict: 'n/a', arithmetic: none };
    const diffs = Object.fromEntries(rules.order.map((l) => [l, differ(rules.configurations[l], l)])) as Record<Level, string[]>;
    for (const l of rules.order) byLevel[l].push(...diffs[l]);
    const met = rules.order.find((l) => diffs[l].length === 0) ?? 'none';
    const { score, verdict } = rules.levels[met];
    const arithmetic = rules.order.map((l) => `${l} ${diffs[l].length === 0 ? 'met' : `${diffs[l].length} difference${diffs[l].length > 1 ? 's' : ''}`}`).join(', ') + ` → ${met} = ${score}`;
    const stricter = met === 'none' ? rules.whenNoneMet : rules.order[rules.order.indexOf(met) - 1];
    return { id, score, verdict, arithmetic, differences: stricter === undefined ? [] : diffs[stricter] };
  });

  const base = { profile: rules.profile, rulesVersion: rules.rulesVersion, categories };
  const notEvaluated = rules.notEvaluated;
  const guidelines = [...new Set(rules.order.map((l) => `${l} ${rules.configurations[l].guidelines}`))].join(', ');
  if (categories[0]!.score === null) {
    return {
      ...base,
      overall: null,
      arithmetic: 'no TLS enumeration: compliance not evaluated',
      mozilla: { guidelines, meets: null, next: null, differences: [], byConfiguration: {}, reason: 'no endpoint was enumerated (TLS checks not selected, or no handshake)', notEvaluated },
    };
  }
  const meets = rules.order.find((l) => byLevel[l].length === 0) ?? null;
  const next = meets === null ? rules.whenNoneMet : (rules.order[rules.order.indexOf(meets) - 1] ?? null);
  const overall = rules.levels[meets ?? 'none'].score;
  const scored = categories.filter((c) => c.score !== null).map((c) => c.id);
  return {
    ...base,
    overall,
    arithmetic: `strictest configuration met by every category (${scored.join(', ')}): ${meets ?? 'none'} → ${overall}` + (next === null ? '' : `; ${byLevel[next].length} difference(s) from ${next}`),
    mozilla: { guidelines, meets, next, differences: next === null ? [] : byLevel[next], byConfiguration: byLevel, notEvaluated },
  };
}

function tlsDifferences(ep: EndpointEvidence, cfg: Configuration, level: Level, name: (n: string) => string): string[] {
  const out: string[] = [];
  const offered = ep.tls!.protocols!.filter((p) => p.supported);
  const allowed = offered.filter((p) => cfg.tls_versions.includes(p.version));
  for (const p of offered) if (!allowed.includes(p)) out.push(`offers ${version(p.version)}`);
  if (allowed.length === 0) out.push(`offers none of ${cfg.tls_versions.map(version).join(', ')}`);
  for (const p of allowed) {
    const list = p.version === 'TLSv1.3' ? cfg.ciphersuites : cfg.ciphers;
    for (const s of p.cipherSuites) {
      if (!s.name.endsWith('_SCSV') && !list.includes(s.name)) out.push(`offers ${s.name} (not in ${level})`);
    }
    if (cfg.server_preferred_order && p.version !== 'TLSv1.3' && p.serverOrder === false) {
      out.push(`does not enforce its ${version(p.version)} suite order (${level} wants the server's order)`);
    }
  }
  const groups = ep.tls!.groups;
  if (groups !== undefined) {
    const names = groups.map((g) => (g.name === null ? `0x${g.code.toString(16).padStart(4, '0')}` : name(g.name)));
    for (const g of names) if (!cfg.tls_curves.includes(g)) out.push(`offers group ${g} (not in ${level})`);
    for (const g of cfg.required_curves) if (!names.includes(g)) out.push(`missing ${g}`);
  }
  return [...new Set(out)];
}

function certificateDifferences(ep: EndpointEvidence, cfg: Configuration, level: Level, name: (n: string) => string): string[] {
  const leaf = ep.certificates![0]!;
  const out: string[] = [];
  const type = leaf.keyType === 'EC' ? 'ecdsa' : leaf.keyType.toLowerCase();
  if (!cfg.certificate_types.includes(type)) out.push(`certificate key is ${type} (${level} wants ${cfg.certificate_types.join(' or ')})`);
  if (type === 'rsa' && cfg.rsa_key_size !== null && (leaf.keySize ?? 0) < cfg.rsa_key_size) {
    out.push(`RSA key of ${leaf.keySize ?? '?'} bits (${level} wants at least ${cfg.rsa_key_size})`);
  }
  if (type === 'ecdsa' && !cfg.certificate_curves.includes(name(leaf.curve ?? '?'))) out.push(`certificate curve ${leaf.curve ?? 'unknown'} (not in ${level})`);
  if (!cfg.certificate_signatures.includes(leaf.signatureAlgorithm)) out.push(`certificate signed with ${leaf.signatureAlgorithm} (not in ${level})`);
  const days = Math.ceil((Date.parse(leaf.notAfter) - Date.parse(leaf.notBefore)) / DAY);
  if (days > cfg.maximum_certificate_lifespan) out.push(`certificate lifespan of ${days} days (${level} allows at most ${cfg.maximum_certificate_lifespan})`);
  return out;
}

function hstsDifferences(ev: TargetEvidence, cfg: Configuration, level: Level): string[] {
  if (cfg.hsts_min_age === null) return [];
  const h = ev.http?.hsts;
  if (!h || !h.valid || h.maxAge === null) return [`no valid HSTS header (${level} wants max-age of at least ${cfg.hsts_min_age})`];
  return h.maxAge < cfg.hsts_min_age ? [`HSTS max-age ${h.maxAge} (${level} wants at least ${cfg.hsts_min_age})`] : [];
}

export type MozillaSummary = NonNullable<Score['mozilla']>;
