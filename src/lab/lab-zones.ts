import { LAB_WEB_HOSTS } from './hosts.js';
import { LAB_TLS_HOSTS } from './tls-hosts.js';
import { LAB_MAIL_RECORDS } from './lab-mail.js';
import { LAB_CAA_RECORDS } from './lab-caa.js';
import { LAB_HTTPS_RR_RECORDS, LAB_HTTPS_RR_UNSIGNED } from './lab-https-rr.js';
import { delegation, soaRecord, type LabRecord, type LabZone } from './zone.js';
import { type LabAlgorithm, type LabKey, type Nsec3Options, createLabKey, dsPresentation, dsRecord, signZone } from './zone-signer.js';
import { type Secondary, diagnosisPlans, secondaryServers } from './lab-dns-diagnosis.js';

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
  nsec3: '127.0.53.10',
  nsec3Legacy: '127.0.53.11',
  wild: '127.0.53.12',
  dname: '127.0.53.13',
} as const;

/** A zone another lab area adds below test.: its server's address, records, and what is signed. */
export interface LabExtraZone {
  origin: string;
  address: string;
  records: LabRecord[];
  signed: boolean;
  /** Owner names left without RRSIG (the missing-signature fault), in a signed zone. */
  unsignedNames?: string[];
}

/** Where the DNSSEC scenario hosts point: the good web host's address. */
const SCENARIO_ADDRESS = '127.0.1.1';
const SIGNATURE_DAYS = 30;

export interface LabDnsTree {
  servers: Array<{ address: string; zone: LabZone }>;
  /** The lab root's KSK as a DS record: the lab's trust anchor file. */
  trustAnchor: string;
}

export interface Planned {
  address: string;
  zone: LabZone;
  keys: LabKey[];
  /** Keys the parent's DS designates (normally the zone's KSKs). */
  dsKeys: LabKey[];
  sign?: { days?: [number, number]; unsignedNames?: string[]; nsec3?: Nsec3Options };
  /** Further servers of the zone, each with its own copy (src/lab/lab-dns-diagnosis.ts). */
  secondaries?: Secondary[];
}

/**
 * The lab hierarchy, signed at start (`extra`: records added to example.test before signing, such as
 * the TLSA records computed from the certificates issued at lab start): a private root `.` (RSASHA256, KSK+ZSK), `test.` (ECDSA P-256),
 * `example.test.` with the web hosts (Ed25519, KSK+ZSK), `broken.test.`, whose server answers
 * SERVFAIL, and one zone per DNSSEC scenario: an unsigned delegation, expired signatures, a DS that
 * matches no key, a missing RRSIG, and an RSASHA1 zone. Each zone gets its own server, as in the real tree.
 */
export function labZones(now = new Date(), extra: readonly LabRecord[] = [], extraZones: readonly LabExtraZone[] = []): LabDnsTree {
  const root = plan('.', LAB_NS.root, [{ name: '.', type: 'NS', data: 'a.root.lab' }, ...delegation('test', [{ name: 'ns.nic.test', address: LAB_NS.test }])], 8, true);
  const children: Planned[] = [
    { ...plan('example.test', LAB_NS.example, [...LAB_WEB_HOSTS.flatMap((h) => [h.address, ...(h.twin ? [h.twin.address] : [])].map((data) => ({ name: h.name, type: 'A', data }))), ...LAB_TLS_HOSTS.map((h) => ({ name: h.name, type: 'A', data: h.address })), { name: 'www.example.test', type: 'CNAME', data: 'good.example.test' }, ...LAB_MAIL_RECORDS, ...LAB_CAA_RECORDS, ...LAB_HTTPS_RR_RECORDS, ...extra], 15, true), sign: { unsignedNames: [...LAB_HTTPS_RR_UNSIGNED] } },
    { ...plan('broken.test', LAB_NS.broken, [], 13, false), zone: { origin: 'broken.test', behaviour: 'servfail', records: [soaRecord('broken.test')] } },
    { ...plan('insecure.test', LAB_NS.insecure, scenarioHost('insecure.test'), 13, false), keys: [], dsKeys: [] },
    { ...plan('expired-sig.test', LAB_NS.expiredSig, scenarioHost('expired-sig.test'), 13, false), sign: { days: [-40, -10] } },
    { ...plan('bad-ds.test', LAB_NS.badDs, scenarioHost('bad-ds.test'), 13, false), dsKeys: [createLabKey(13, 257)] },
    { ...plan('no-rrsig.test', LAB_NS.noRrsig, scenarioHost('no-rrsig.test'), 13, false), sign: { unsignedNames: ['www.no-rrsig.test'] } },
    plan('rsasha1.test', LAB_NS.rsasha1, scenarioHost('rsasha1.test'), 5, false),
    { ...plan('nsec3.test', LAB_NS.nsec3, scenarioHost('nsec3.test'), 13, false), sign: { nsec3: { iterations: 0, salt: new Uint8Array(0), optOut: false } } },
    plan('dname.test', LAB_NS.dname, [{ name: 'old.dname.test', type: 'DNAME', data: 'new.dname.test' }, { name: 'www.new.dname.test', type: 'A', data: SCENARIO_ADDRESS }], 13, false),
    plan('wild.test', LAB_NS.wild, [{ name: '*.wild.test', type: 'A', data: SCENARIO_ADDRESS }], 13, false),
    { ...plan('nsec3-legacy.test', LAB_NS.nsec3Legacy, scenarioHost('nsec3-legacy.test'), 13, false), sign: { nsec3: { iterations: 10, salt: Uint8Array.of(0xaa, 0xbb, 0xcc, 0xdd), optOut: false } } },
    ...diagnosisPlans(plan, scenarioHost),
    ...extraZones.map(extraZone),
  ];
  const test = plan('test', LAB_NS.test, [{ name: 'ns.nic.test', type: 'A', data: LAB_NS.test }, ...children.flatMap((c) => delegation(c.zone.origin, [{ name: `ns.${c.zone.origin}`, address: c.address }, ...(c.secondaries ?? [])]))], 13, false);
  // Like most TLDs, test. denies with NSEC3 and opt-out (RFC 9276 §3.1: no extra iterations, no salt).
  test.sign = { nsec3: { iterations: 0, salt: new Uint8Array(0), optOut: true } };
  withDs(test, children);
  withDs(root, [test]);
  return {
    servers: [root, test, ...children].flatMap((p) => [{ address: p.address, zone: signed(p, now) }, ...secondaryServers(p, (q) => signed(q, now))]),
    trustAnchor: `${root.dsKeys.map((k) => dsPresentation('.', k)).join('\n')}\n`,
  };
}

function extraZone(z: LabExtraZone): Planned {
  const p = plan(z.origin, z.address, z.records, 13, false);
  if (!z.signed) return { ...p, keys: [], dsKeys: [] };
  return z.unsignedNames ? { ...p, sign: { unsignedNames: z.unsignedNames } } : p;
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
  return signZone(p.zone, {
    keys: p.keys, inception: day(from), expiration: day(to),
    ...(p.sign?.unsignedNames ? { unsignedNames: p.sign.unsignedNames } : {}),
    ...(p.sign?.nsec3 ? { nsec3: p.sign.nsec3 } : {}),
  });
}
