import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:net';
import type { IssuedCert, LabPki } from './pki.js';
import { GOOD_HOST_NAMES, type LabCert, type LabWebHost } from './hosts.js';
import { tlsProfileOptions } from './tls-profiles.js';
import { LAB_MTA_STS_POLICY } from './lab-mail.js';
import { LAB_CA_ISSUERS_URL, LAB_CRL_URL, LAB_OCSP_URL } from './lab-aia.js';
import type { LabOcspResponder } from './lab-ocsp.js';

const DAY = 86_400_000;

export interface RunningWebHost {
  host: LabWebHost;
  httpsPort: number;
  httpPort: number;
  close(): Promise<void>;
}

async function certificateFor(host: LabWebHost, pki: LabPki, now: Date, ocsp?: LabOcspResponder): Promise<IssuedCert & { sent: string; staple?: Uint8Array }> {
  const t = now.getTime();
  const names = host.name === 'good.example.test' ? [...GOOD_HOST_NAMES] : [host.name];
  const current = { names, notBefore: new Date(t - DAY), notAfter: new Date(t + 80 * DAY) };
  const checkable = { ...current, aia: { ocsp: LAB_OCSP_URL } };
  const plan: Record<LabCert, Parameters<LabPki['issueLeaf']>[0]> = {
    good: { names, notBefore: new Date(t - DAY), notAfter: new Date(t + 80 * DAY) },
    expired: { names, notBefore: new Date(t - 120 * DAY), notAfter: new Date(t - 30 * DAY) },
    'not-yet-valid': { names, notBefore: new Date(t + 7 * DAY), notAfter: new Date(t + 97 * DAY) },
    'wrong-name': { names: ['other.example.test'], notBefore: new Date(t - DAY), notAfter: new Date(t + 80 * DAY) },
    'self-signed': { names, notBefore: new Date(t - DAY), notAfter: new Date(t + 80 * DAY), selfSigned: true },
    'no-intermediate': { names, notBefore: new Date(t - DAY), notAfter: new Date(t + 80 * DAY) },
    'aia-only': { ...current, aia: { caIssuers: LAB_CA_ISSUERS_URL } },
    'must-staple': { ...checkable, mustStaple: true },
    revoked: checkable,
    stapled: checkable,
    'root-included': current,
    'wrong-order': current,
    'crl-revoked': { ...current, crl: [LAB_CRL_URL] },
    'crl-good': { ...current, crl: [LAB_CRL_URL] },
  };
  const issued = await pki.issueLeaf({
    ...plan[host.cert],
    ...(host.subject ? { extraSubject: host.subject } : {}),
    ...(host.leafKey && 'rsaBits' in host.leafKey ? { key: { algorithm: 'RSA' as const, modulusLength: host.leafKey.rsaBits } } : {}),
    ...(host.leafKey && 'sha1' in host.leafKey ? { sha1Signature: true } : {}),
  });
  if (host.cert === 'revoked' || host.cert === 'crl-revoked') ocsp?.revoke(issued.der);
  return { ...issued, sent: sentChain(host.cert, issued, pki), ...(host.cert === 'stapled' && ocsp ? { staple: ocsp.staple(issued.der) } : {}) };
}

/** The certificates the server sends, in the order it sends them. */
function sentChain(kind: LabCert, issued: IssuedCert, pki: LabPki): string {
  switch (kind) {
    case 'no-intermediate':
    case 'aia-only':
      return issued.certPem;
    case 'root-included':
      return issued.chainPem + pki.rootPem;
    case 'wrong-order':
      return issued.certPem + pki.rootPem + pki.intermediatePem;
    default:
      return issued.chainPem;
  }
}

/** One HTTPS and one plain-HTTP listener for a lab host, on 127.0.0.1 and ephemeral ports. */
/** `ocsp`: the lab responder that revokes and staples for the hosts built for it. */
export async function startWebHost(host: LabWebHost, pki: LabPki, now: Date, ocsp?: LabOcspResponder): Promise<RunningWebHost> {
  const cert = await certificateFor(host, pki, now, ocsp);
  const profile = host.tlsProfile ? await tlsProfileOptions(host.tlsProfile, host.name, pki, now, cert) : {};
  const secure = quietWeakDh(() => https.createServer(
    {
      key: cert.keyPem,
      cert: cert.sent,
      // Only the legacy host speaks TLS 1.0; the others offer TLS 1.2 and 1.3 so each shows just its own defect.
      minVersion: host.maxVersion === 'TLSv1' ? 'TLSv1' : 'TLSv1.2',
      maxVersion: host.maxVersion ?? 'TLSv1.3',
      // Security level 0 lets OpenSSL serve what the lab is built to show: TLS 1.0, RSA-1024, SHA-1.
      ciphers: host.maxVersion === 'TLSv1' || host.leafKey ? 'DEFAULT:@SECLEVEL=0' : undefined,
      ...profile,
    },
    (req, res) => {
      if (host.sts.length > 0) res.setHeader('Strict-Transport-Security', host.sts);
      if (host.server !== undefined) res.setHeader('Server', host.server);
      if (req.url === '/.well-known/mta-sts.txt' && host.name === 'good.example.test') {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end(LAB_MTA_STS_POLICY);
        return;
      }
      if (req.url === '/.well-known/security.txt') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(securityTxt(host, now));
        return;
      }
      const next = httpsRedirect(host, req.url ?? '/');
      if (next !== null) {
        res.writeHead(302, { Location: next }).end();
        return;
      }
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`encscan lab: ${host.name} (${host.description})\n`);
    },
  ));
  const staple = cert.staple;
  if (staple) secure.on('OCSPRequest', (_cert: Buffer, _issuer: Buffer, done: (err: Error | null, response?: Buffer) => void) => done(null, Buffer.from(staple)));
  const plain = http.createServer((req, res) => {
    if (host.http === 'redirect' && req.url !== '/plain') {
      const name = (req.headers.host ?? host.name).replace(/:\d+$/, '');
      res.writeHead(301, { Location: `https://${name}${req.url ?? '/'}` }).end();
    } else {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`encscan lab: ${host.name} over plain HTTP\n`);
    }
  });
  const [httpsPort, httpPort] = [await listen(secure), await listen(plain)];
  return { host, httpsPort, httpPort, close: async () => void (await Promise.all([stop(secure), stop(plain)])) };
}

/** RFC 9116 file: valid for half a year, or expired a month ago. */
function securityTxt(host: LabWebHost, now: Date): string {
  const expires = new Date(now.getTime() + (host.securityTxt === 'expired' ? -30 : 180) * DAY).toISOString();
  return `Contact: mailto:security@${host.name}\nExpires: ${expires}\nPreferred-Languages: en\n`;
}

/** The Location of the lab's broken HTTPS redirect patterns, or null to serve the page. */
function httpsRedirect(host: LabWebHost, path: string): string | null {
  const step = Number(/^\/(\d+)$/.exec(path)?.[1] ?? 0);
  switch (host.https ?? 'page') {
    case 'loop':
      return path === '/' ? '/a' : '/';
    case 'downgrade':
      return `http://${host.name}/plain`;
    case 'long-chain':
      return step < 25 ? `/${step + 1}` : null;
    case 'page':
      return null;
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function stop(server: http.Server | https.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * Node warns when a server's DH group is under 2048 bits; the legacy host serves the 1024-bit group on
 * purpose, so that one warning is kept off the demo's and the tests' output (any other still shows).
 */
function quietWeakDh<T>(make: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('DH parameter is less than 2048 bits')) return;
    (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return make();
  } finally {
    process.emitWarning = emit;
  }
}
