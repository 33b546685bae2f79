import check from './chain-sent.js';
import type { SentChainEvidence } from '../../src/evidence/certificate.js';
import { checkCases, endpoint, evidence, leaf, pki } from '../../test/support/check-kit.js';

const cert = (subject: string, selfSigned: boolean, isCA: boolean) => ({ ...leaf({ notBefore: -1, notAfter: 80 }), subject, selfSigned, isCA });
const site = cert('CN=site.example', false, false);
const intermediate = cert('CN=Example CA 1', false, true);
const root = cert('CN=Example Root', true, true);
const sent = (...certs: ReturnType<typeof cert>[]) => evidence({ endpoints: [endpoint({ certificates: certs })] });
const wire = (parts: Partial<SentChainEvidence>) =>
  evidence({
    endpoints: [
      endpoint({
        certificates: [site, intermediate],
        pki: pki({ sentChain: { fingerprints: ['a'.repeat(64), 'c'.repeat(64)], inOrder: true, rootSent: false, unused: [], ...parts } }),
      }),
    ],
  });

checkCases(check, [
  ['leaf and intermediate (node:tls view only)', sent(site, intermediate), ['ok']],
  ['root in the rebuilt chain', sent(site, intermediate, root), ['root-included']],
  ['leaf alone', sent(site), []],
  ['as sent: in order', wire({}), ['ok']],
  ['as sent: leaf, root, intermediate', wire({ inOrder: false, rootSent: true }), ['wrong-order', 'root-included']],
  ['as sent: an extra intermediate', wire({ inOrder: false, unused: ['e'.repeat(64)] }), ['wrong-order', 'unused-certificates']],
]);
