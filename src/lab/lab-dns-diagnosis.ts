// Lab zones for the per-server diagnosis (checks/dnssec/servers, signature-expiry, cds): each differs
// from a good signed zone in one way a validator alone would not notice, because the chain still holds.
import type { Planned } from './lab-zones.js';
import { soaRecord, type LabRecord, type LabZone, type ZoneBehaviour } from './zone.js';
import { createLabKey, dsRecord, type LabAlgorithm } from './zone-signer.js';

/** Name-server addresses of these zones (127.0.53.40-49). */
export const DIAGNOSIS_NS = {
  stale: '127.0.53.40',
  staleSecondary: '127.0.53.41',
  lame: '127.0.53.42',
  lameSecondary: '127.0.53.43',
  expiring: '127.0.53.44',
  cds: '127.0.53.45',
} as const;

/** A second server of a zone, serving its own copy: an older serial and signing run, or a misbehaviour. */
export interface Secondary {
  name: string;
  address: string;
  serial?: number;
  days?: [number, number];
  behaviour?: ZoneBehaviour;
}

type Plan = (origin: string, address: string, records: LabRecord[], algorithm: LabAlgorithm, split: boolean) => Planned;

const OLD_SERIAL = 2023120101;

/**
 * stale.test (a secondary with an older serial and older signatures), lame.test (a secondary that
 * answers REFUSED), expiring.test (signatures expire in 3 days), cds-mismatch.test (CDS for a second
 * KSK the parent has no DS for). `host` gives each zone its www record.
 */
export function diagnosisPlans(plan: Plan, host: (zone: string) => LabRecord[]): Planned[] {
  const nextKsk = createLabKey(13, 257);
  const cds = plan('cds-mismatch.test', DIAGNOSIS_NS.cds, [...host('cds-mismatch.test'), { ...dsRecord('cds-mismatch.test', nextKsk), type: 'CDS' }], 13, false);
  return [
    withSecondary(plan('stale.test', DIAGNOSIS_NS.stale, host('stale.test'), 13, false), { name: 'ns2.stale.test', address: DIAGNOSIS_NS.staleSecondary, serial: OLD_SERIAL, days: [-20, 20] }),
    withSecondary(plan('lame.test', DIAGNOSIS_NS.lame, host('lame.test'), 13, false), { name: 'ns2.lame.test', address: DIAGNOSIS_NS.lameSecondary, behaviour: 'refused' }),
    { ...plan('expiring.test', DIAGNOSIS_NS.expiring, host('expiring.test'), 13, false), sign: { days: [-27, 3] } },
    { ...cds, keys: [...cds.keys, nextKsk] },
  ];
}

/** Lists the secondary in the zone's apex NS RRset, with its address. */
function withSecondary(p: Planned, s: Secondary): Planned {
  const apex: LabRecord[] = [{ name: p.zone.origin, type: 'NS', data: s.name }, { name: s.name, type: 'A', data: s.address }];
  return { ...p, zone: { ...p.zone, records: [...p.zone.records, ...apex] }, secondaries: [s] };
}

/** The zone copies the secondaries of `p` serve, signed by `sign` like the primary's. */
export function secondaryServers(p: Planned, sign: (p: Planned) => LabZone): Array<{ address: string; zone: LabZone }> {
  return (p.secondaries ?? []).map((s) => {
    const origin = p.zone.origin;
    if (s.behaviour) return { address: s.address, zone: { origin, behaviour: s.behaviour, records: [soaRecord(origin)] } };
    const records = p.zone.records.map((r) => (r.type === 'SOA' ? soaRecord(origin, { serial: s.serial }) : r));
    return { address: s.address, zone: sign({ ...p, zone: { ...p.zone, records }, ...(s.days ? { sign: { ...p.sign, days: s.days } } : {}) }) };
  });
}
