// The lab's plain-HTTP PKI server: the intermediate at a caIssuers URL (RFC 5280 §4.2.2.1), its CRL
// (§4.2.1.13) and the OCSP responder (RFC 6960 Appendix A.1, POST). One listener, published in DNS
// under two names.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LabRecord } from './zone.js';
import type { LabOcspResponder } from './lab-ocsp.js';

/** Logical address of the PKI server (port 80 in URLs; the port map says where it listens). */
export const LAB_PKI_ADDRESS = '127.0.1.39';
export const LAB_CA_ISSUERS_URL = 'http://aia.example.test/lab-intermediate.cer';
export const LAB_OCSP_URL = 'http://ocsp.example.test/';
export const LAB_CRL_URL = 'http://aia.example.test/lab-intermediate.crl';

export const LAB_PKI_RECORDS: readonly LabRecord[] = [
  { name: 'aia.example.test', type: 'A', data: LAB_PKI_ADDRESS },
  { name: 'ocsp.example.test', type: 'A', data: LAB_PKI_ADDRESS },
];

/** OCSP requests are ~100 bytes; anything much larger is not one. */
const MAX_REQUEST_BYTES = 4096;

export async function startLabPkiServer(intermediateDer: Uint8Array, responder: LabOcspResponder): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === new URL(LAB_CA_ISSUERS_URL).pathname) {
      res.writeHead(200, { 'Content-Type': 'application/pkix-cert' }).end(Buffer.from(intermediateDer));
      return;
    }
    if (req.method === 'GET' && req.url === new URL(LAB_CRL_URL).pathname) {
      responder.crl().then(
        (crl) => res.writeHead(200, { 'Content-Type': 'application/pkix-crl' }).end(Buffer.from(crl)),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (req.method === 'POST' && req.url === '/') {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_REQUEST_BYTES) chunks.push(c);
      });
      req.on('end', () => {
        if (size > MAX_REQUEST_BYTES) res.writeHead(413).end();
        else res.writeHead(200, { 'Content-Type': 'application/ocsp-response' }).end(Buffer.from(responder.answer(new Uint8Array(Buffer.concat(chunks)))));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
