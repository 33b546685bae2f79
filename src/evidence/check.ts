import type { EndpointRef } from './endpoint-label.js';
import type { Area } from './report.js';
import type { TargetEvidence } from './target.js';

/** Probes a check can depend on; the engine runs only the probes that selected checks need. */
export const PROBES = ['dns', 'dnssec', 'dnssec-servers', 'tls', 'http', 'dane', 'caa'] as const;
export type ProbeId = (typeof PROBES)[number];

export interface OutcomeSpec {
  /** Sentence with {param} placeholders, filled from the emission's params. */
  text: string;
  /** What the operator should do; required for outcomes that can be warn or fail. */
  fix?: string;
}

export interface Emission {
  outcome: string;
  params: Record<string, string | number | boolean>;
  endpoint?: string;
  /** The SNI name beside `endpoint` when address:port alone would not tell which name the finding is about. */
  sni?: string;
}

export interface CheckContext<O extends string> {
  /** The scan's start time (or the saved startedAt on replay): checks never read the clock. */
  now: Date;
  /** Thresholds from the levels file. */
  vars: Readonly<Record<string, number>>;
  target: { host: string; port: number };
  /** `at`: a TLS endpoint (its evidence will do), labelled by the engine with its SNI name when needed; or a free label. */
  emit(outcome: O, params?: Emission['params'], at?: string | EndpointRef): Emission;
}

export interface Check<O extends string = string> {
  /** `<area>.<file basename>`; a finding's id is `<id>.<outcome>`. */
  id: string;
  area: Area;
  title: string;
  cite: string[];
  needs: ProbeId[];
  outcomes: Record<O, OutcomeSpec>;
  /** False means the check does not concern this target (recorded as not-applicable). */
  applies?: (ev: TargetEvidence) => boolean;
  run(ev: TargetEvidence, ctx: CheckContext<O>): Emission[];
}

export function defineCheck<O extends string>(check: Check<O>): Check<O> {
  return check;
}
