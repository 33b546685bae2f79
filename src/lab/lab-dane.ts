// TLSA records for the lab's signed example.test zone. The lab issues its certificates at start, so
// the records are computed then, from the certificates actually served, before the zone is signed.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { associationData } from '../dane/association.js';
import { tlsaRdata, type TlsaRecord } from '../dane/tlsa-record.js';
import { parseCertificate } from '../pki/cert-fields.js';
import type { LabRecord } from './zone.js';

/** The lab MX host (its A record is in lab-mail.ts) and the DANE scenario hosts, served by the good web host. */
export const LAB_MX_HOST = { name: 'mx.example.test', address: '127.0.1.30' } as const;
export const DANE_HOSTS = { bad: 'dane-bad.example.test', fakeRollover: 'dane-fake-rollover.example.test' } as const;
const GOOD_WEB_ADDRESS = '127.0.1.1';

export interface LabDaneCertificates {
  /** DER of the good web host's leaf (it also serves the DANE scenario names). */
  goodLeaf: Uint8Array;
  /** DER of the lab MX's leaf. */
  mxLeaf: Uint8Array;
  /** DER of the lab intermediate CA, which issues both. */
  intermediate: Uint8Array;
}

function tlsa(name: string, usage: number, selector: number, mtype: number, der: Uint8Array): LabRecord {
  const record: TlsaRecord = { usage, selector, mtype, data: associationData(parseCertificate(der), selector, mtype) };
  return { name, type: 'TLSA', data: null, rdata: tlsaRdata(record) };
}

/** SHA-256 of the SPKI of a key no lab server uses: what a record looks like after a forgotten key change. */
function staleKeyRecord(name: string): LabRecord {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const data = new Uint8Array(createHash('sha256').update(spki).digest());
  return { name, type: 'TLSA', data: null, rdata: tlsaRdata({ usage: 3, selector: 1, mtype: 1, data }) };
}

/**
 * good.example.test and the MX: "3 1 1" for the leaf key plus "2 1 1" for the issuing intermediate, so
 * both match today and a key change is covered (rollover ready). dane-bad: a "3 1 1" for a key the
 * server does not have. dane-fake-rollover: "3 1 1" and "3 0 1" for the same leaf, two records that
 * look like a rollover pair but name one key.
 */
export function labDaneRecords(certs: LabDaneCertificates): LabRecord[] {
  const https = (host: string): string => `_443._tcp.${host}`;
  return [
    tlsa(https('good.example.test'), 3, 1, 1, certs.goodLeaf),
    tlsa(https('good.example.test'), 2, 1, 1, certs.intermediate),
    tlsa(`_25._tcp.${LAB_MX_HOST.name}`, 3, 1, 1, certs.mxLeaf),
    tlsa(`_25._tcp.${LAB_MX_HOST.name}`, 2, 1, 1, certs.intermediate),
    { name: DANE_HOSTS.bad, type: 'A', data: GOOD_WEB_ADDRESS },
    staleKeyRecord(https(DANE_HOSTS.bad)),
    { name: DANE_HOSTS.fakeRollover, type: 'A', data: GOOD_WEB_ADDRESS },
    tlsa(https(DANE_HOSTS.fakeRollover), 3, 1, 1, certs.goodLeaf),
    tlsa(https(DANE_HOSTS.fakeRollover), 3, 0, 1, certs.goodLeaf),
  ];
}
