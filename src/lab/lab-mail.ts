import type { LabPki } from './pki.js';
import { startSmtpServer, type SmtpVariant } from './smtp-server.js';
import type { LabRecord } from './zone.js';

const DAY = 86_400_000;

/** The mail transport policy the good web host publishes (RFC 8461 policy file, served over HTTPS). */
export const LAB_MTA_STS_POLICY = 'version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 604800\n';

/**
 * The lab's MX hosts, each an SMTP server of its own on port 25 of its logical address: the good one,
 * one whose TLSA record names a stale key (lab-dane.ts), one without STARTTLS, and one whose address
 * sits in an unsigned zone, so DANE does not apply to it (RFC 7672 §2.2.2).
 */
export const LAB_MX = {
  good: { name: 'mx.example.test', address: '127.0.25.1', variant: 'starttls' },
  daneFail: { name: 'mx-bad.dane.test', address: '127.0.25.2', variant: 'starttls' },
  plain: { name: 'mx-plain.dane.test', address: '127.0.25.3', variant: 'no-starttls' },
  insecure: { name: 'mx.dane-insecure.test', address: '127.0.25.4', variant: 'starttls' },
} as const satisfies Record<string, { name: string; address: string; variant: SmtpVariant }>;

export type LabMxRole = keyof typeof LAB_MX;

/**
 * Mail records in example.test.: good.example.test has an MX, MTA-STS (TXT record plus the policy on
 * mta-sts.good.example.test, which is the good web host) and TLS-RPT; mail-broken.example.test
 * announces MTA-STS but nothing serves its policy.
 */
export const LAB_MAIL_RECORDS: readonly LabRecord[] = [
  { name: LAB_MX.good.name, type: 'A', data: LAB_MX.good.address },
  { name: 'good.example.test', type: 'MX', data: { preference: 10, exchange: LAB_MX.good.name } },
  { name: '_mta-sts.good.example.test', type: 'TXT', data: ['v=STSv1; id=20261201'] },
  { name: 'mta-sts.good.example.test', type: 'A', data: '127.0.1.1' },
  { name: '_smtp._tls.good.example.test', type: 'TXT', data: ['v=TLSRPTv1; rua=mailto:tlsrpt@example.test'] },
  { name: 'mail-broken.example.test', type: 'A', data: '127.0.1.1' },
  { name: 'mail-broken.example.test', type: 'MX', data: { preference: 10, exchange: LAB_MX.good.name } },
  { name: '_mta-sts.mail-broken.example.test', type: 'TXT', data: ['v=STSv1; id=1'] },
];

export interface LabMail {
  /** Logical "address:25" to the real 127.0.0.1 port. */
  portMap: Record<string, string>;
  /** DER of each MX's leaf, for its TLSA records. */
  leaves: Record<LabMxRole, Uint8Array>;
  stop(): Promise<void>;
}

/** One SMTP server per lab MX, on 127.0.0.1 and an ephemeral port, with a lab certificate for its name. */
export async function startLabMail(pki: LabPki, now: Date): Promise<LabMail> {
  const started: Array<{ role: LabMxRole; der: Uint8Array; port: number; close(): Promise<void> }> = [];
  try {
    for (const [role, mx] of Object.entries(LAB_MX) as Array<[LabMxRole, (typeof LAB_MX)[LabMxRole]]>) {
      const cert = await pki.issueLeaf({ names: [mx.name], notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 80 * DAY) });
      const server = await startSmtpServer({ variant: mx.variant, key: cert.keyPem, cert: cert.chainPem, hostname: mx.name });
      started.push({ role, der: cert.der, port: server.port, close: () => server.close() });
    }
  } catch (err) {
    await Promise.allSettled(started.map((s) => s.close()));
    throw err;
  }
  return {
    portMap: Object.fromEntries(started.map((s) => [`${LAB_MX[s.role].address}:25`, `127.0.0.1:${s.port}`])),
    leaves: Object.fromEntries(started.map((s) => [s.role, s.der])) as Record<LabMxRole, Uint8Array>,
    stop: async () => void (await Promise.allSettled(started.map((s) => s.close()))),
  };
}
