import check from './renewal.js';
import { NOW, checkCases, endpoint, evidence, leaf } from '../../test/support/check-kit.js';

// As CAs issue them: notAfter one second short of whole days, so a "90-day" certificate counts 90 days inclusively.
const cert = (issuer: string, days: number, selfSigned = false) => {
  const notBefore = new Date(NOW.getTime() - 86_400_000);
  const notAfter = new Date(notBefore.getTime() + days * 86_400_000 - 1000);
  const info = { ...leaf({ notBefore: -1, notAfter: 1 }), issuer, selfSigned, notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() };
  return evidence({ endpoints: [endpoint({ certificates: [info] })] });
};

checkCases(check, [
  ['Let\'s Encrypt 90 days', cert('CN=R11, O=Let\'s Encrypt, C=US', 90), ['acme-ca']],
  ['Google Trust Services 90 days', cert('CN=WR1, O=Google Trust Services, C=US', 90), ['acme-ca']],
  ['unknown CA, 47 days', cert('CN=Example CA', 47), ['short-lived']],
  ['unknown CA, one year', cert('CN=Example CA', 365), ['long-lived']],
  ['ACME CA, but a long lifetime', cert('CN=Buypass Class 2 CA 5, O=Buypass AS-983163327, C=NO', 365), ['long-lived']],
  ['self-signed', cert('CN=site.example', 365, true), []],
]);
