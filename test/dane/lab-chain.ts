// A lab chain (leaf, intermediate; root apart) and TLSA helpers for the DANE tests.
import { createHash } from 'node:crypto';
import { createLabPki } from '../../src/lab/pki.js';
import { parseCertificate } from '../../src/pki/cert-fields.js';
import { parsePemCertificates } from '../../src/pki/trust-store.js';
import type { TlsaRecord } from '../../src/dane/tlsa-record.js';

export const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

export interface LabChain {
  leaf: Uint8Array;
  intermediate: Uint8Array;
  root: Uint8Array;
  expiredLeaf: Uint8Array;
  /** A leaf of a different key, never served: the "next" key. */
  nextLeaf: Uint8Array;
  /** Root of an unrelated CA. */
  otherRoot: Uint8Array;
}

export async function labChain(): Promise<LabChain> {
  const pki = await createLabPki(NOW);
  const other = await createLabPki(NOW);
  const issue = async (notBefore: number, notAfter: number): Promise<Uint8Array> =>
    (await pki.issueLeaf({ names: ['mx.example.test'], notBefore: new Date(NOW.getTime() + notBefore * DAY), notAfter: new Date(NOW.getTime() + notAfter * DAY) })).der;
  return {
    leaf: await issue(-1, 80),
    intermediate: pki.intermediateDer,
    root: parsePemCertificates(pki.rootPem)[0]!,
    expiredLeaf: await issue(-100, -10),
    nextLeaf: await issue(-1, 80),
    otherRoot: other.rootDer,
  };
}

/** The TLSA record `usage selector mtype` for a certificate, as a zone would publish it. */
export function tlsaFor(der: Uint8Array, usage: number, selector: number, mtype: number): TlsaRecord {
  const selected = selector === 0 ? der : parseCertificate(der).spki;
  const data = mtype === 0 ? selected : createHash(mtype === 1 ? 'sha256' : 'sha512').update(selected).digest();
  return { usage, selector, mtype, data: new Uint8Array(data) };
}

export function wrong(record: TlsaRecord): TlsaRecord {
  const data = new Uint8Array(record.data);
  data[0] = data[0]! ^ 0xff;
  return { ...record, data };
}
