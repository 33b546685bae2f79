// node:tls settings for the lab's TLS configuration hosts: a TLS 1.3-only server holding an ECDSA
// and an RSA certificate (clients get the one their signature_algorithms allow), Mozilla's
// "intermediate" configuration (Server Side TLS 6.0), and a legacy TLS 1.0–1.2 server with static RSA
// key exchange, CBC suites and 1024-bit DHE (security level 0 lets OpenSSL 3 serve it).
import { getDiffieHellman } from 'node:crypto';
import type { SecureContextOptions, TlsOptions } from 'node:tls';
import type { LabPki } from './pki.js';

export type LabTlsProfile = 'tls13-dual' | 'intermediate' | 'legacy-rsa';

const DAY = 86_400_000;

/** Mozilla Server Side TLS 6.0, intermediate: TLS 1.2 suites, groups and client order. */
const MOZILLA_INTERMEDIATE = {
  ciphers: [
    'ECDHE-ECDSA-AES128-GCM-SHA256',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'ECDHE-ECDSA-AES256-GCM-SHA384',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'ECDHE-ECDSA-CHACHA20-POLY1305',
    'ECDHE-RSA-CHACHA20-POLY1305',
    'DHE-RSA-AES128-GCM-SHA256',
    'DHE-RSA-AES256-GCM-SHA384',
    'DHE-RSA-CHACHA20-POLY1305',
  ].join(':'),
  ecdhCurve: 'X25519:prime256v1:secp384r1',
};

export async function tlsProfileOptions(
  profile: LabTlsProfile,
  name: string,
  pki: LabPki,
  now: Date,
  primary: { keyPem: string; sent: string },
): Promise<SecureContextOptions & Pick<TlsOptions, 'minVersion' | 'maxVersion' | 'honorCipherOrder'>> {
  switch (profile) {
    case 'tls13-dual': {
      const t = now.getTime();
      const rsa = await pki.issueLeaf({ names: [name], notBefore: new Date(t - DAY), notAfter: new Date(t + 80 * DAY), key: { algorithm: 'RSA', modulusLength: 2048 } });
      return { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', key: [primary.keyPem, rsa.keyPem], cert: [primary.sent, rsa.chainPem] };
    }
    case 'intermediate':
      return { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3', honorCipherOrder: false, dhparam: 'auto', ...MOZILLA_INTERMEDIATE };
    case 'legacy-rsa':
      return {
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1.2',
        honorCipherOrder: true,
        ciphers: 'AES128-SHA:AES256-SHA:AES128-SHA256:AES256-SHA256:DHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA:@SECLEVEL=0',
        // RFC 2409 §6.2 Second Oakley Group (1024-bit MODP, node's "modp2"): the prime Apache and many
        // appliances shipped by default, which is what Logjam-era scans find.
        dhparam: dhParametersPem(getDiffieHellman('modp2').getPrime(), 2),
      };
  }
}

/** PKCS #3 DHParameter ::= SEQUENCE { prime INTEGER, base INTEGER }, PEM-armoured. */
function dhParametersPem(prime: Buffer, generator: number): string {
  const integer = (bytes: Buffer) => der(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.of(0), bytes]) : bytes);
  const body = der(0x30, Buffer.concat([integer(prime), integer(Buffer.of(generator))]));
  const lines = body.toString('base64').match(/.{1,64}/g)!;
  return `-----BEGIN DH PARAMETERS-----\n${lines.join('\n')}\n-----END DH PARAMETERS-----\n`;
}

function der(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const length = n < 0x80 ? Buffer.of(n) : n < 0x100 ? Buffer.of(0x81, n) : Buffer.of(0x82, n >> 8, n & 0xff);
  return Buffer.concat([Buffer.of(tag), length, content]);
}
