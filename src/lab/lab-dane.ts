// TLSA records for the lab. The lab issues its certificates at start, so the records are computed
// then, from the certificates actually served, before the zones are signed: in example.test. for the
// good host and MX, and in three zones of their own for the DANE scenarios (hosts.ts says what each
// must produce): dane.test. (signed), dane-insecure.test. (unsigned) and dane-bogus.test. (signed,
// but its TLSA RRset served without signature).
import { createHash, generateKeyPairSync } from 'node:crypto';
import { associationData } from '../dane/association.js';
import { tlsaRdata, type TlsaRecord } from '../dane/tlsa-record.js';
import { parseCertificate } from '../pki/cert-fields.js';
import { GOOD_STS, LAB_DNS_SCENARIOS, type LabWebHost } from './hosts.js';
import { LAB_MX, type LabMxRole } from './lab-mail.js';
import type { LabExtraZone } from './lab-zones.js';
import type { LabPki } from './pki.js';
import { startWebHost, type RunningWebHost } from './web-servers.js';
import type { LabRecord } from './zone.js';

export const DANE_HOSTS = { bad: 'dane-bad.example.test', fakeRollover: 'dane-fake-rollover.example.test' } as const;
const GOOD_WEB_ADDRESS = '127.0.1.1';
const NS = { dane: '127.0.53.20', insecure: '127.0.53.21', bogus: '127.0.53.22' } as const;

const ROOT_SENDING = LAB_DNS_SCENARIOS.find((s) => s.name === 'root.dane.test')!;

/** A web host like the good one whose server sends its root too, for "2 0 1" on a root the server sends. */
export const ROOT_SENDING_HOST: LabWebHost = { ...ROOT_SENDING, address: '127.0.1.70', cert: 'good', sts: GOOD_STS, http: 'redirect' };

export interface LabDaneCertificates {
  /** DER of the good web host's leaf (it also serves the DANE scenario names). */
  goodLeaf: Uint8Array;
  /** DER of each lab MX's leaf. */
  mxLeaves: Record<LabMxRole, Uint8Array>;
  /** DER of the lab intermediate CA, which issues them all, and of the lab root. */
  intermediate: Uint8Array;
  root: Uint8Array;
}

/** A TLSA record for `der` as a lab record. */
export function tlsa(name: string, usage: number, selector: number, mtype: number, der: Uint8Array): LabRecord {
  const record: TlsaRecord = { usage, selector, mtype, data: associationData(parseCertificate(der), selector, mtype) };
  return { name, type: 'TLSA', data: null, rdata: tlsaRdata(record) };
}

/** "3 1 1" for a key no lab server uses: a forgotten old key, or the next key published ahead of a change. */
export function unservedKeyRecord(name: string): LabRecord {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const data = new Uint8Array(createHash('sha256').update(spki).digest());
  return { name, type: 'TLSA', data: null, rdata: tlsaRdata({ usage: 3, selector: 1, mtype: 1, data }) };
}

const https = (host: string): string => `_443._tcp.${host}`;
const smtp = (host: string): string => `_25._tcp.${host}`;
const a = (name: string, address = GOOD_WEB_ADDRESS): LabRecord => ({ name, type: 'A', data: address });
const mx = (domain: string, exchange: string): LabRecord => ({ name: domain, type: 'MX', data: { preference: exchange === '.' ? 0 : 10, exchange } });

/**
 * example.test.: good.example.test and its MX get "3 1 1" for the leaf key plus "2 1 1" for the issuing
 * intermediate, so both match today and a key change is covered (rollover ready). dane-bad: a "3 1 1"
 * for a key the server does not have. dane-fake-rollover: "3 1 1" and "3 0 1" for the same leaf, two
 * records that look like a rollover pair but name one key.
 */
export function labDaneRecords(certs: LabDaneCertificates): LabRecord[] {
  return [
    tlsa(https('good.example.test'), 3, 1, 1, certs.goodLeaf),
    tlsa(https('good.example.test'), 2, 1, 1, certs.intermediate),
    tlsa(smtp(LAB_MX.good.name), 3, 1, 1, certs.mxLeaves.good),
    tlsa(smtp(LAB_MX.good.name), 2, 1, 1, certs.intermediate),
    a(DANE_HOSTS.bad),
    unservedKeyRecord(https(DANE_HOSTS.bad)),
    a(DANE_HOSTS.fakeRollover),
    tlsa(https(DANE_HOSTS.fakeRollover), 3, 1, 1, certs.goodLeaf),
    tlsa(https(DANE_HOSTS.fakeRollover), 3, 0, 1, certs.goodLeaf),
  ];
}

/** The DANE scenario zones, delegated from test. (lab-zones.ts signs them). */
export function labDaneZones(certs: LabDaneCertificates): LabExtraZone[] {
  const bogusTlsa = https('www.dane-bogus.test');
  return [
    {
      origin: 'dane.test',
      address: NS.dane,
      signed: true,
      records: [
        a('ta.dane.test'),
        tlsa(https('ta.dane.test'), 2, 0, 1, certs.intermediate),
        a(ROOT_SENDING_HOST.name, ROOT_SENDING_HOST.address),
        tlsa(https(ROOT_SENDING_HOST.name), 2, 0, 1, certs.root),
        a('rollover.dane.test'),
        tlsa(https('rollover.dane.test'), 3, 1, 1, certs.goodLeaf),
        unservedKeyRecord(https('rollover.dane.test')),
        ...mailDomain('mx-fail.dane.test', LAB_MX.daneFail.name),
        a(LAB_MX.daneFail.name, LAB_MX.daneFail.address),
        unservedKeyRecord(smtp(LAB_MX.daneFail.name)),
        ...mailDomain('no-starttls.dane.test', LAB_MX.plain.name),
        a(LAB_MX.plain.name, LAB_MX.plain.address),
        ...mailDomain('null-mx.dane.test', '.'),
        // An MX host name that is an alias: its TLSA records are found at the target (RFC 7672 §2.2.2).
        ...mailDomain('mx-alias.dane.test', 'alias.dane.test'),
        { name: 'alias.dane.test', type: 'CNAME', data: LAB_MX.good.name },
        ...mailDomain('mx-insecure.dane.test', LAB_MX.insecure.name),
      ],
    },
    {
      origin: 'dane-insecure.test',
      address: NS.insecure,
      signed: false,
      records: [
        a('www.dane-insecure.test'),
        tlsa(https('www.dane-insecure.test'), 3, 1, 1, certs.goodLeaf),
        a(LAB_MX.insecure.name, LAB_MX.insecure.address),
        tlsa(smtp(LAB_MX.insecure.name), 3, 1, 1, certs.mxLeaves.insecure),
      ],
    },
    {
      origin: 'dane-bogus.test',
      address: NS.bogus,
      signed: true,
      unsignedNames: [bogusTlsa],
      records: [a('www.dane-bogus.test'), tlsa(bogusTlsa, 3, 1, 1, certs.goodLeaf)],
    },
  ];
}

function mailDomain(domain: string, exchange: string): LabRecord[] {
  return [a(domain), mx(domain, exchange)];
}

/** Starts ROOT_SENDING_HOST: the good host's setup, with the lab root appended to the chain it sends. */
export function startRootSendingHost(pki: LabPki, now: Date): Promise<RunningWebHost> {
  const withRoot: LabPki = { ...pki, issueLeaf: async (o) => {
    const issued = await pki.issueLeaf(o);
    return { ...issued, chainPem: `${issued.chainPem.trimEnd()}\n${pki.rootPem}` };
  } };
  return startWebHost(ROOT_SENDING_HOST, withRoot, now);
}
