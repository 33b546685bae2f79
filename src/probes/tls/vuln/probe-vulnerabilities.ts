// Runs every weakness probe that can apply to an endpoint after enumeration, in parallel (the
// connector's per-endpoint limit queues them), and adds what the enumerated configuration implies.
// Probes that cannot apply (no TLS ≤ 1.2, no RSA key exchange, one version only) are not run.
import type { GroupRef } from '../../../evidence/tls.js';
import type { TlsVulnerability } from '../../../evidence/tls-vulnerabilities.js';
import { TLS_VULNERABILITY_IDS } from '../../../evidence/tls-vulnerabilities.js';
import { probeCcsInjection } from './ccs-injection.js';
import { probeDhGroup } from './dh-group.js';
import { probeFallbackScsv } from './fallback-scsv.js';
import { probeHeartbleed } from './heartbleed.js';
import { probeHelloOptions } from './hello-options.js';
import { impliedVulnerabilities } from './implied.js';
import type { VulnTarget } from './probe-kit.js';
import { probeRobot } from './robot.js';
import { probeSessionReuse } from './session-reuse.js';

export interface VulnerabilityInput extends VulnTarget {
  groups: readonly GroupRef[];
}

const PROBES = [probeHelloOptions, probeFallbackScsv, probeHeartbleed, probeCcsInjection, probeSessionReuse, probeRobot, probeDhGroup];

export async function probeVulnerabilities(input: VulnerabilityInput): Promise<TlsVulnerability[]> {
  const tested = (await Promise.all(PROBES.map((probe) => probe(input)))).flat();
  const all = [...tested, ...impliedVulnerabilities(input.protocols, input.groups)];
  const rank = (v: TlsVulnerability) => TLS_VULNERABILITY_IDS.indexOf(v.id);
  return all.sort((a, b) => rank(a) - rank(b));
}
