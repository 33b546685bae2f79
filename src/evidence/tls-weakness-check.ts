// The shape shared by the checks of tested TLS weaknesses (checks/tls/heartbleed.ts and siblings):
// per endpoint, the probe's result for one weakness becomes `ok`, `vulnerable` or `unknown`, the
// evidence's own words (how it knows, what it saw) going into the finding.
import { defineCheck, type Check, type Emission } from './check.js';
import type { EndpointEvidence, TargetEvidence } from './target.js';
import type { TlsVulnerability, TlsVulnerabilityId } from './tls-vulnerabilities.js';

export interface WeaknessCheckSpec {
  id: string;
  vulnerability: TlsVulnerabilityId;
  title: string;
  cite: string[];
  ok: string;
  vulnerable: string;
  fix: string;
}

/** Each endpoint's result for `id`, with the endpoint to emit it at. */
export function weaknessResults(ev: TargetEvidence, id: TlsVulnerabilityId): Array<{ at: EndpointEvidence; v: TlsVulnerability }> {
  return ev.endpoints.flatMap((ep) => {
    const v = ep.tls?.vulnerabilities?.find((x) => x.id === id);
    return v ? [{ at: ep, v }] : [];
  });
}

export function weaknessCheck(spec: WeaknessCheckSpec): Check<'ok' | 'vulnerable' | 'unknown'> {
  return defineCheck({
    id: spec.id,
    area: 'tls',
    title: spec.title,
    cite: spec.cite,
    needs: ['tls'],
    outcomes: {
      ok: { text: `${spec.ok} ({how}: {detail})` },
      vulnerable: { text: `${spec.vulnerable} ({how}: {detail})`, fix: spec.fix },
      unknown: { text: 'the probe could not decide ({detail})' },
    },
    applies: (ev) => weaknessResults(ev, spec.vulnerability).length > 0,
    run: (ev, ctx): Emission[] =>
      weaknessResults(ev, spec.vulnerability).map(({ at, v }) =>
        ctx.emit(v.vulnerable === null ? 'unknown' : v.vulnerable ? 'vulnerable' : 'ok', { how: v.how, detail: v.detail }, at),
      ),
  });
}
