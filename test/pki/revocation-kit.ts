// Revocation evidence for the certificate checks' table tests: a good answer, changed per case.
import type { CrlEvidence, OcspEvidence, RevocationEvidence } from '../../src/evidence/certificate.js';
import { endpoint, evidence, pki } from '../support/check-kit.js';

export const revocation = (parts: Partial<RevocationEvidence> = {}): RevocationEvidence => ({
  status: 'good',
  source: 'responder',
  mustStaple: false,
  stapled: false,
  ocspUrls: ['http://ocsp.ca.example/'],
  reason: null,
  ...parts,
});

export const ocspResponse = (parts: Partial<OcspEvidence> = {}): OcspEvidence => ({
  source: 'responder',
  url: 'http://ocsp.ca.example/',
  responseStatus: 'successful',
  certStatus: 'good',
  producedAt: '2026-05-31T00:00:00.000Z',
  thisUpdate: '2026-05-31T00:00:00.000Z',
  nextUpdate: '2026-06-07T00:00:00.000Z',
  revocationTime: null,
  revocationReason: null,
  signer: 'issuer',
  errors: [],
  ...parts,
});

export const crlResult = (parts: Partial<CrlEvidence> = {}): CrlEvidence => ({
  url: 'http://crl.ca.example/1.crl',
  outcome: 'ok',
  thisUpdate: '2026-05-31T00:00:00.000Z',
  nextUpdate: '2026-06-07T00:00:00.000Z',
  entries: 0,
  signatureValid: true,
  revocationTime: null,
  revocationReason: null,
  ...parts,
});

export const withRevocation = (r: RevocationEvidence, o: OcspEvidence | null = null) => evidence({ endpoints: [endpoint({ pki: pki({ revocation: r, ocsp: o }) })] });
