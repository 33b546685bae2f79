import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { x509 } from '../../src/pki/x509.js';
import { parsePemCertificates } from '../../src/pki/trust-store.js';
it('x', async () => {
  const text = readFileSync('/tmp/pkiexp/nc-dos-1.pem', 'utf8');
  const [leaf, root] = parsePemCertificates(text);
  console.log(leaf!.length);
  try { const c = new x509.X509Certificate(leaf!); const r = new x509.X509Certificate(root!);
    console.log(await c.verify({ publicKey: r.publicKey, signatureOnly: true })); } catch (e) { console.log('ERR', e); }
});
