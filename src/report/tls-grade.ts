import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpEvidence } from '../evidence/http.js';
import type { EndpointEvidence, TargetEvidence } from '../evidence/target.js';
import type { TlsVulnerabilityId } from '../evidence/tls-vulnerabilities.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { suiteProperties } from '../tls/suite-properties.js';
import { distinguishingSni, endpointLabel } from '../evidence/endpoint-label.js';
import { referenceClientsVersion, simulateHandshakes, type SimulatedHandshake } from './simulate-handshake.js';

type Letter = 'A+' | 'A' | 'A-' | 'B' | 'C' | 'D' | 'E' | 'F' | 'T' | 'M';

interface Rules {
  rulesVersion: string;
  weights: { protocol: number; keyExchange: number; cipher: number };
  protocolScores: Record<string, number>;
  keyExchangeScores: Array<{ belowBits: number | null; score: number }>;
  cipherScores: Array<{ belowBits: number | null; score: number }>;
  letters: Array<{ minScore: number; grade: Letter }>;
  rsaEquivalentBits: Record<string, number>;
  cipherBits: Array<{ match: string; bits: number }>;
  caps: Record<string, { grade: Letter; reason: string; since: string }>;
  /** --grading-mode simulated: these caps apply only when a reference client negotiates such a suite. */
  simulatedCaps: Record<string, string>;
  warnings: Record<string, string>;
  aPlus: { minHstsMaxAge: number };
  notEvaluated: string[];
}

export interface EndpointGrade {
  endpoint: string;
  /** The SNI name, when address:port alone does not tell the endpoint apart (the rule of Finding.sni). */
  sni?: string;
  grade: Letter;
  gradeTrustIgnored: Letter;
  /** 0.3 x protocol + 0.3 x key exchange + 0.4 x cipher, before caps. */
  numeric: number;
  protocol: number;
  keyExchange: number;
  cipher: number;
  caps: Array<{ id: string; grade: Letter; reason: string }>;
  warnings: string[];
  trust: string[];
  /** What each reference client would negotiate (always listed; decides caps only in simulated mode). */
  handshakes: SimulatedHandshake[];
}

export const GRADING_MODES = ['offered', 'simulated'] as const;
export type GradingMode = (typeof GRADING_MODES)[number];

export interface TlsGrade {
  rulesVersion: string;
  mode: GradingMode;
  /** rulesVersion of the reference client profiles behind `handshakes`. */
  clientsVersion: string;
  grade: Letter | null;
  gradeTrustIgnored: Letter | null;
  /** Why there is no grade, when there is none. */
  reason?: string;
  endpoints: EndpointGrade[];
  notEvaluated: string[];
}

let cached: Rules | undefined;
export function gradeRules(): Rules {
  cached ??= JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'report', 'profiles', 'tls-grade.json'), 'utf8')) as Rules;
  return cached;
}

/** A+ > A > A- > B > … > F > T, M: the gate order, with trust failures the worst. */
const ORDER: Letter[] = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F', 'T', 'M'];
const worse = (a: Letter, b: Letter): Letter => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

/**
 * The SSL Labs-style grade (rating guide 2009r). Mode "offered" caps on what the server offers;
 * "simulated" applies the no-FS / RC4 / 3DES / no-AEAD caps only when a reference client would
 * negotiate such a suite, as SSL Labs does. Needs enumeration evidence; the worst endpoint gives the
 * target's grade. `host` is the target's: an endpoint scanned under another name is labelled with it.
 */
export function gradeTarget(ev: TargetEvidence, host: string, mode: GradingMode = 'offered'): TlsGrade {
  const rules = gradeRules();
  const base = { rulesVersion: rules.rulesVersion, mode, clientsVersion: referenceClientsVersion(), notEvaluated: rules.notEvaluated };
  const graded = ev.endpoints.filter((e) => e.tls?.protocols !== undefined && e.tls.protocols.some((p) => p.supported));
  if (graded.length === 0) {
    return { ...base, grade: null, gradeTrustIgnored: null, reason: 'no endpoint was enumerated (TLS checks not selected, or no handshake)', endpoints: [] };
  }
  const endpoints = graded.map((e) => gradeEndpoint(e, distinguishingSni(e, ev.endpoints, host), ev.http, rules, mode));
  return {
    ...base,
    grade: endpoints.map((g) => g.grade).reduce(worse),
    gradeTrustIgnored: endpoints.map((g) => g.gradeTrustIgnored).reduce(worse),
    endpoints,
  };
}

function gradeEndpoint(ep: EndpointEvidence, sni: string | undefined, http: HttpEvidence | undefined, rules: Rules, mode: GradingMode): EndpointGrade {
  const offered = ep.tls!.protocols!.filter((p) => p.supported);
  const versions = offered.map((p) => p.version);
  const suites = offered.flatMap((p) => p.cipherSuites.map((s) => ({ version: p.version, ...suiteProperties(s.name) }))).filter((s) => !s.scsv);
  const handshakes = simulateHandshakes(ep);
  const caps: EndpointGrade['caps'] = [];
  const cap = (id: string, when: boolean): void => {
    if (when) caps.push({ id, grade: rules.caps[id]!.grade, reason: rules.caps[id]!.reason });
  };
  /** Offered mode: some offered suite has the property. Simulated: some reference client negotiates one. */
  const suiteCap = (id: string, has: (s: (typeof suites)[number]) => boolean): void => {
    if (mode === 'offered') return cap(id, suites.some(has));
    const who = handshakes.filter((h) => 'cipherSuite' in h && has({ version: h.version, ...suiteProperties(h.cipherSuite) })).map((h) => h.client);
    if (who.length > 0) caps.push({ id, grade: rules.caps[id]!.grade, reason: `${rules.simulatedCaps[id]!} (${who.join(', ')})` });
  };

  const protoScores = versions.map((v) => rules.protocolScores[v] ?? 0);
  const protocol = (Math.max(...protoScores) + Math.min(...protoScores)) / 2;

  const leaf = ep.certificates?.[0];
  const weakness = (id: TlsVulnerabilityId) => ep.tls!.vulnerabilities?.find((v) => v.id === id);
  const vulnerable = (id: TlsVulnerabilityId) => weakness(id)?.vulnerable === true;
  const dhBits = weakness('dh-group')?.groupBits ?? null;
  const kxBits = [leaf ? keyBits(leaf.keyType, leaf.keySize, leaf.curve, rules) : null, dhBits, ...(ep.tls!.groups ?? []).map((g) => rules.rsaEquivalentBits[g.name ?? ''] ?? null)]
    .filter((b): b is number => b !== null);
  let keyExchange = kxBits.length === 0 ? 100 : tableScore(rules.keyExchangeScores, Math.min(...kxBits));
  if (suites.some((s) => s.export)) keyExchange = Math.min(keyExchange, 40);
  if (suites.some((s) => s.anonymous)) keyExchange = 0;

  const bits = suites.map((s) => cipherBits(s.cipher, s.export, rules));
  const cipher = bits.length === 0 ? 0 : (tableScore(rules.cipherScores, Math.max(...bits)) + tableScore(rules.cipherScores, Math.min(...bits))) / 2;

  const numeric = protocol === 0 || keyExchange === 0 || cipher === 0 ? 0 : Math.round(rules.weights.protocol * protocol + rules.weights.keyExchange * keyExchange + rules.weights.cipher * cipher);
  let grade: Letter = rules.letters.find((l) => numeric >= l.minScore)!.grade;

  const tls11plus = (v: string) => v === 'TLSv1.1' || v === 'TLSv1.2' || v === 'TLSv1.3';
  cap('ssl2', versions.includes('SSLv2'));
  cap('ssl3-best', versions.includes('SSLv3') && !versions.some((v) => v.startsWith('TLS')));
  cap('ssl3', versions.includes('SSLv3'));
  cap('no-tls12', !versions.includes('TLSv1.2') && !versions.includes('TLSv1.3'));
  cap('tls10-11', versions.includes('TLSv1.0') || versions.includes('TLSv1.1'));
  cap('rc4-only', suites.length > 0 && suites.every((s) => s.rc4));
  suiteCap('rc4-tls11', (s) => s.rc4 && tls11plus(s.version));
  suiteCap('rc4', (s) => s.rc4);
  suiteCap('block64-tls11', (s) => s.block64 && tls11plus(s.version));
  suiteCap('no-fs', (s) => !s.forwardSecrecy);
  if (mode === 'offered') cap('no-aead', !suites.some((s) => s.aead));
  else suiteCap('no-aead', (s) => !s.aead);
  cap('export', suites.some((s) => s.export));
  cap('anonymous', suites.some((s) => s.anonymous));
  cap('null-cipher', suites.some((s) => s.nullCipher));
  cap('key-below-1024', kxBits.some((b) => b < 1024));
  cap('key-below-2048', kxBits.some((b) => b < 2048));
  cap('md5-signature', (ep.certificates ?? []).slice(0, -1).some((c) => /md5|md2/i.test(c.signatureAlgorithm)) || /md5|md2/i.test(leaf?.signatureAlgorithm ?? ''));
  cap('chain-incomplete', ep.pki?.completedViaAia === true);
  cap('poodle', versions.includes('SSLv3') && suites.some((s) => s.version === 'SSLv3' && s.cbc));
  cap('compression', vulnerable('compression'));
  cap('insecure-renegotiation', vulnerable('client-renegotiation') && vulnerable('secure-renegotiation'));
  for (const id of ['heartbleed', 'ccs-injection', 'ticketbleed', 'robot'] as const) cap(id, vulnerable(id));
  for (const c of caps) grade = worse(grade, c.grade);

  const warnings: string[] = [];
  if (!versions.includes('TLSv1.3')) warnings.push(rules.warnings['no-tls13']!);
  const hsts = http?.hsts;
  const longHsts = hsts?.valid === true && (hsts.maxAge ?? 0) >= rules.aPlus.minHstsMaxAge;
  if (!longHsts) warnings.push(rules.warnings['hsts']!);
  if (vulnerable('secure-renegotiation')) warnings.push(rules.warnings['no-secure-renegotiation']!);
  if (grade === 'A') grade = warnings.length > 0 ? 'A-' : 'A+';

  const trust = trustProblems(ep);
  const gradeTrustIgnored = grade;
  if (ep.pki && !ep.pki.hostnameMatch) grade = 'M';
  else if (trust.length > 0) grade = 'T';
  return { endpoint: endpointLabel(ep.address, ep.port), ...(sni === undefined ? {} : { sni }), grade, gradeTrustIgnored, numeric, protocol, keyExchange, cipher, caps, warnings, trust, handshakes };
}

/**
 * T: the chain is untrusted, self-signed, expired, not yet valid or revoked, or a certificate below the anchor is
 * signed with SHA-1 (browsers distrust it). Weak keys and MD5 are graded by their caps instead (B, F).
 */
function trustProblems(ep: EndpointEvidence): string[] {
  const out = (ep.pki?.errors ?? []).filter((e) => !['hostname-mismatch', 'no-san', 'weak-key', 'weak-signature'].includes(e));
  if (ep.pki?.revocation?.status === 'revoked') out.push('revoked');
  const anchor = ep.pki?.path.at(-1);
  const sha1 = (ep.certificates ?? []).some((c) => c.sha256 !== anchor && !(c.selfSigned && c.isCA) && /sha1/i.test(c.signatureAlgorithm));
  if (sha1) out.push('sha1-signature');
  return [...new Set(out)];
}

function keyBits(type: string, size: number | null, curve: string | undefined, rules: Rules): number | null {
  if (type === 'RSA' || type === 'DSA') return size;
  return rules.rsaEquivalentBits[curve ?? type] ?? null;
}

function cipherBits(cipher: string, exported: boolean, rules: Rules): number {
  if (exported) return 40;
  return rules.cipherBits.find((c) => new RegExp(c.match).test(cipher))?.bits ?? 128;
}

function tableScore(table: Rules['keyExchangeScores'], bits: number): number {
  return table.find((row) => row.belowBits === null || bits < row.belowBits)!.score;
}
