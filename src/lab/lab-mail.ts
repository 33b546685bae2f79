import type { LabRecord } from './zone.js';

/** The mail transport policy the good web host publishes (RFC 8461 policy file, served over HTTPS). */
export const LAB_MTA_STS_POLICY = 'version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 604800\n';

/**
 * Mail records in example.test.: good.example.test has an MX, MTA-STS (TXT record plus the policy on
 * mta-sts.good.example.test, which is the good web host) and TLS-RPT; mail-broken.example.test
 * announces MTA-STS but nothing serves its policy.
 */
export const LAB_MAIL_RECORDS: readonly LabRecord[] = [
  { name: 'mx.example.test', type: 'A', data: '127.0.1.30' },
  { name: 'good.example.test', type: 'MX', data: { preference: 10, exchange: 'mx.example.test' } },
  { name: '_mta-sts.good.example.test', type: 'TXT', data: ['v=STSv1; id=20261201'] },
  { name: 'mta-sts.good.example.test', type: 'A', data: '127.0.1.1' },
  { name: '_smtp._tls.good.example.test', type: 'TXT', data: ['v=TLSRPTv1; rua=mailto:tlsrpt@example.test'] },
  { name: 'mail-broken.example.test', type: 'A', data: '127.0.1.1' },
  { name: 'mail-broken.example.test', type: 'MX', data: { preference: 10, exchange: 'mx.example.test' } },
  { name: '_mta-sts.mail-broken.example.test', type: 'TXT', data: ['v=STSv1; id=1'] },
];
