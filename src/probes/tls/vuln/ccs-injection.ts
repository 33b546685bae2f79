// CCS injection (CVE-2014-0224): a ChangeCipherSpec before any key exchange must be refused with
// unexpected_message. A vulnerable server takes it and switches to keys from an empty master secret,
// so the second ChangeCipherSpec, now read as ciphertext, fails its MAC check instead.
import type { TlsVulnerability } from '../../../evidence/tls-vulnerabilities.js';
import { VERSION } from '../../../tls/protocol-versions.js';
import { CONTENT_TYPE, encodeRecords } from '../../../tls/record-layer.js';
import { describeStep, helloFlight, legacyHello, legacyVersion, result, type VulnTarget } from './probe-kit.js';
import { ReplyReader } from './server-flight.js';

const ALERT = { unexpectedMessage: 10, badRecordMac: 20, decryptionFailed: 21, recordOverflow: 22, decryptError: 51 } as const;
const KEYS_IN_USE: ReadonlySet<number> = new Set([ALERT.badRecordMac, ALERT.decryptionFailed, ALERT.recordOverflow, ALERT.decryptError]);

export async function probeCcsInjection(t: VulnTarget): Promise<TlsVulnerability[]> {
  const legacy = legacyVersion(t);
  if (!legacy) return [];
  const opened = await helloFlight(t, legacyHello(t, legacy.version, legacy.suites));
  if (!opened.ok) return [result('ccs-injection', null, `${legacy.version} hello: ${opened.why}`, 1)];
  const { conv } = opened;
  try {
    const ccs = encodeRecords(CONTENT_TYPE.changeCipherSpec, VERSION[legacy.version], Uint8Array.of(1));
    conv.send(Buffer.concat([ccs, ccs]));
    const step = await conv.read(new ReplyReader());
    if (step.kind === 'answer' && step.value.kind === 'alert') {
      const d = step.value.alert.description;
      const what = `early ChangeCipherSpec answered with ${describeStep(step.value)}`;
      return [result('ccs-injection', d === ALERT.unexpectedMessage ? false : KEYS_IN_USE.has(d) ? true : null, what, 1)];
    }
    return [result('ccs-injection', null, `early ChangeCipherSpec: ${describeStep(step)}`, 1)];
  } finally {
    conv.close();
  }
}
