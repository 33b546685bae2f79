import { LAB_WEB_HOSTS } from './hosts.js';
import { LAB_MAIL_RECORDS } from './lab-mail.js';
import { LAB_CAA_RECORDS } from './lab-caa.js';
import { delegation, soaRecord, type LabRecord, type LabZone } from './zone.js';
import { type LabAlgorithm, type LabKey, createLabKey, dsPresentation, dsRecord, signZone } from './zone-signer.js';

/** Logical addresses of the lab's name servers (port 53 in DNS; the port map says where they listen). */
export const LAB_NS = {
  root: '127.0.53.1',
  test: '127.0.53.2',
  example: '127.0.53.3',
  broken: '127.0.53.4',
  insecure: '127.0.53.5',
  expiredSig: '127.0.53.6',
  badDs: '127.0.53.7',
  noRrsig: '127.0.53.8',
  rsasha1: '127.0.53.9',
} as const;

/** Where the DNSSEC scenario hosts point: the good web host's address. */
const SCENARIO_ADDRESS = '127.0.1.1';
const SIGNATURE_DAYS = 30;

export interface LabDnsTree {
  servers: Array<{ address: string; zone: LabZone }>;
  /** The lab root's KSK as a DS record: the lab's trust anchor file. */
  trustAnchor: string;
}

interface Planned {
  address: string;
  zone: LabZone;
  keys: LabKey[];
  /** Keys the parent's DS designates (normally the zone's KSKs). */
  dsKeys: LabKey[];
  sign?: { days?: [number, number]; unsignedNames?: string[] };
}

/**
 * The lab hierarchy, signed at start (`extra`: records added to example.test before signing, such as
 * the TLSA records computed from the certificates issued at lab start): a private root `.` (RSASHA256, KSK+ZSK), `test.` (ECDSA P-256),
 * `example.test.` with the web hosts (Ed25519, KSK+ZSK), `broken.test.`, whose server answers
 * SERVFAIL, and one zone per DNSSEC scenario: an unsigned delegation, expired signatures, a DS that
 * matches no key, a missing RRSIG, and an RSASHA1 zone. Each zone gets its own server, as in the real tree.
 */
export function labZones(now = new Date(), extra: readonly LabRecord[] = []): LabDnsTree {
  const root = plan('.', LAB_NS.root, [{ name: '.', type: 'NS', data: 'a.root.lab' }, ...delegation('test', [{ name: 'ns.nic.test', address: LAB_NS.test }])], 8, true);
  const children: Planned[] = [
    plan('example.test', LAB_NS.example, [...LAB_WEB_HOSTS.map((h) => ({ name: h.name, type: 'A', data: h.address })), { name: 'www.example.test', type: 'CNAME', data: 'good.example.test' }, ...LAB_MAIL_RECORDS, ...LAB_CAA_RECORDS, ...extra], 15, true),
    { ...plan('broken.test', LAB_NS.broken, [], 13, false), zone: { origin: 'broken.test', behaviour: 'servfail', records: [soaRecord('broken.test')] } },
    { ...plan('insecure.test', LAB_NS.insecure, scenarioHost('insecure.test'), 13, false), keys: [], dsKeys: [] },
    { ...plan('expired-sig.test', LAB_NS.expiredSig, scenarioHost('expired-sig.test'), 13, false), sign: { days: [-40, -10] } },
    { ...plan('bad-ds.test', LAB_NS.badDs, scenarioHost('bad-ds.test'), 13, false), dsKeys: [createLabKey(13, 257)] },
    { ...plan('no-rrsig.test', LAB_NS.noRrsig, scenarioHost('no-rrsig.test'), 13, false), sign: { unsignedNames: ['www.no-rrsig.test'] } },
    plan('rsasha1.test', LAB_NS.rsasha1, scenarioHost('rsasha1.test'), 5, false),
  ];
  const test = plan('test', LAB_NS.test, [{ name: 'ns.nic.test', type: 'A', data: LAB_NS.test }, ...children.flatMap((c) => delegation(c.zone.origin, [{ name: `ns.${c.zone.origin}`, address: c.address }]))], 13, false);
  withDs(test, children);
  withDs(root, [test]);
  return {
    servers: [root, test, ...children].map((p) => ({ address: p.address, zone: signed(p, now) })),
    trustAnchor: `${root.dsKeys.map((k) => dsPresentation('.', k)).join('\n')}\n`,
  };
}

function scenarioHost(zone: string): LabRecord[] {
  return [{ name: `www.${zone}`, type: 'A', data: SCENARIO_ADDRESS }];
}

/** A zone with SOA, apex NS and its server's address, and keys: KSK+ZSK when `split`, else one CSK. */
function plan(origin: string, address: string, records: LabRecord[], algorithm: LabAlgorithm, split: boolean): Planned {
  const keys = split ? [createLabKey(algorithm, 257), createLabKey(algorithm, 256)] : [createLabKey(algorithm, 257)];
  const apexRecords: LabRecord[] =
    origin === '.' ? [soaRecord('.')] : [soaRecord(origin), { name: origin, type: 'NS', data: `ns.${origin}` }, { name: `ns.${origin}`, type: 'A', data: address }];
  return { address, zone: { origin, records: [...apexRecords, ...records] }, keys, dsKeys: keys.filter((k) => k.flags === 257) };
}

function withDs(parent: Planned, children: Planned[]): void {
  parent.zone.records.push(...children.flatMap((c) => c.dsKeys.map((k) => dsRecord(c.zone.origin, k))));
}

function signed(p: Planned, now: Date): LabZone {
  if (p.keys.length === 0 || p.zone.behaviour === 'servfail') return p.zone;
  const [from, to] = p.sign?.days ?? [-1, SIGNATURE_DAYS];
  const day = (n: number): Date => new Date(now.getTime() + n * 86_400_000);
  return signZone(p.zone, { keys: p.keys, inception: day(from), expiration: day(to), ...(p.sign?.unsignedNames ? { unsignedNames: p.sign.unsignedNames } : {}) });
}
