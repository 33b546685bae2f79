import type { LabRecord } from './zone.js';

/** The CAA issuer domain that stands for the lab CA (src/pki/caa-issuers.json maps the lab issuer to it). */
export const LAB_CAA_DOMAIN = 'lab.encscan.test';

/** The scenario whose CAA record permits another CA only, while the good web host serves it a lab certificate. */
export const CAA_FORBID_HOST = 'caa-forbid.example.test';

/**
 * CAA records in example.test. (RFC 8659): good.example.test permits the lab CA (and reports incidents
 * by mail); caa-forbid.example.test points at the good web host but permits only ca.example.
 */
export const LAB_CAA_RECORDS: readonly LabRecord[] = [
  { name: 'good.example.test', type: 'CAA', data: { flags: 0, tag: 'issue', value: LAB_CAA_DOMAIN } },
  { name: 'good.example.test', type: 'CAA', data: { flags: 0, tag: 'iodef', value: 'mailto:security@example.test' } },
  { name: CAA_FORBID_HOST, type: 'A', data: '127.0.1.1' },
  { name: CAA_FORBID_HOST, type: 'CAA', data: { flags: 0, tag: 'issue', value: 'ca.example' } },
];
