// The revocation stage on its own, against a local HTTP server the connector's port map reaches:
// the URLs name IP literals, so no resolver is involved.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import type { GatherContext } from '../../src/engine/gather.js';
import { revocationStage } from '../../src/engine/stages/revocation-stage.js';
import type { TargetEvidence } from '../../src/evidence/target.js';
import { labOcspResponder, type LabOcspResponder } from '../../src/lab/lab-ocsp.js';
import { createLabPki, type LabPki } from '../../src/lab/pki.js';
import { describeCertificate } from '../../src/pki/certificate-info.js';
import { validateChain } from '../../src/pki/validate-chain.js';
import { parseTarget } from '../../src/engine/target.js';
import { MAX_CRL_BYTES } from '../../src/probes/pki/crl-fetch.js';

const SERVER = '192.0.2.7';
const now = new Date();
let lab: LabPki;
let responder: LabOcspResponder;
let server: http.Server;
let connector: Connector;

beforeAll(async () => {
  lab = await createLabPki(now);
  responder = labOcspResponder(lab, now);
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/ca.cer') res.end(Buffer.from(lab.intermediateDer));
      else if (req.url === '/lab.crl') void responder.crl().then((crl) => res.end(Buffer.from(crl)));
      else if (req.url === '/huge.crl') res.end(Buffer.alloc(MAX_CRL_BYTES + 1));
      else if (req.url === '/ocsp') res.end(Buffer.from(responder.answer(new Uint8Array(Buffer.concat(chunks)))));
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  connector = new Connector({ portMap: new Map([[`${SERVER}:80`, { address: '127.0.0.1', port }]]), maxConnections: 4, timeoutMs: 2000 });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Evidence as the tls stage leaves it for a leaf sent alone (the "server" at 192.0.2.9 is never contacted but for the TLS 1.2 hello, which fails). */
async function scanned(aia: { caIssuers?: string; ocsp?: string }, opts: { revoke?: boolean; pki?: GatherContext['pki']; crl?: string[] } = {}) {
  const issued = await lab.issueLeaf({ names: ['site.test'], notBefore: new Date(now.getTime() - 86_400_000), notAfter: new Date(now.getTime() + 30 * 86_400_000), aia, ...(opts.crl ? { crl: opts.crl } : {}) });
  if (opts.revoke) responder.revoke(issued.der);
  const chain = [issued.der];
  const roots = [lab.rootDer];
  const ev: TargetEvidence = {
    attempts: {},
    endpoints: [
      {
        address: '127.0.0.1',
        port: 9, // discard: the sent-chain hello is refused, which leaves sentChain absent
        sni: 'site.test',
        attempts: { tls: { status: 'ok' } },
        certificates: [await describeCertificate(issued.der)],
        pki: await validateChain({ chain, roots, host: 'site.test', now }),
      },
    ],
  };
  const ctx = { connector, roots, now, timeoutMs: 2000, signal: new AbortController().signal, connectTo: [], ...(opts.pki ? { pki: opts.pki } : {}) } as unknown as GatherContext;
  await revocationStage(parseTarget('site.test'), ctx, ev, [], Promise.resolve());
  return ev.endpoints[0]!.pki!;
}

describe('revocationStage', () => {
  it('completes the chain from caIssuers and then asks the OCSP responder', async () => {
    const pki = await scanned({ caIssuers: `http://${SERVER}/ca.cer`, ocsp: `http://${SERVER}/ocsp` }, { revoke: true });
    expect(pki).toMatchObject({ trusted: true, completedViaAia: true, errors: [], aia: [{ url: `http://${SERVER}/ca.cer`, outcome: 'ok', certificates: 1 }] });
    expect(pki.revocation).toMatchObject({ status: 'revoked', source: 'responder' });
    expect(pki.sentChain).toBeUndefined();
  });

  it('keeps a chain it cannot complete untrusted, saying why', async () => {
    const missing = await scanned({ caIssuers: `http://${SERVER}/gone.cer` });
    expect(missing).toMatchObject({ trusted: false, completedViaAia: false, errors: ['incomplete-chain'], aia: [{ outcome: 'ENCSCAN_HTTP', certificates: 0 }] });
    const https = await scanned({ caIssuers: `https://${SERVER}/ca.cer` });
    expect(https.aia).toEqual([{ url: `https://${SERVER}/ca.cer`, outcome: 'not-http', certificates: 0 }]);
    // Without the issuer there is no OCSP request to make.
    expect(missing.revocation).toMatchObject({ status: 'not-checked', reason: 'no-issuer' });
  });

  it('records a responder that does not answer as an error, not a verdict', async () => {
    const pki = await scanned({ caIssuers: `http://${SERVER}/ca.cer`, ocsp: `http://${SERVER}/nothing-here` });
    expect(pki.revocation).toMatchObject({ status: 'error', reason: 'ENCSCAN_HTTP', source: null });
  });

  it('falls back to the CRL when the OCSP responder gives no answer, and records a CRL it could not use', async () => {
    const crl = `http://${SERVER}/lab.crl`;
    const pki = await scanned({ caIssuers: `http://${SERVER}/ca.cer`, ocsp: `http://${SERVER}/nothing-here` }, { revoke: true, crl: ['ldap://dir.test/crl', crl] });
    expect(pki.revocation).toMatchObject({ status: 'revoked', source: 'crl', reason: null, crlUrls: [crl], crl: { url: crl, outcome: 'ok', signatureValid: true, revocationReason: 'keyCompromise' } });
    const huge = await scanned({ caIssuers: `http://${SERVER}/ca.cer` }, { crl: [`http://${SERVER}/huge.crl`, crl] });
    // Only the first CRL is fetched; one over the size limit is an error, not a truncated verdict.
    expect(huge.revocation).toMatchObject({ status: 'error', source: null, reason: 'ENCSCAN_HTTP', crl: { outcome: 'ENCSCAN_HTTP', entries: 0 } });
  });

  it('honours --no-aia and --no-revocation', async () => {
    const pki = await scanned({ caIssuers: `http://${SERVER}/ca.cer`, ocsp: `http://${SERVER}/ocsp` }, { pki: { aia: false, revocation: false } });
    expect(pki).toMatchObject({ trusted: false, completedViaAia: false, errors: ['incomplete-chain'] });
    expect(pki.aia).toBeUndefined();
    expect(pki.revocation).toMatchObject({ status: 'not-checked', reason: 'disabled' });
  });
});
