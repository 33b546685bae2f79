// The finite-field DH group of the server's DHE suites (Logjam, CVE-2015-4000): one hello offering
// only them, read up to the ServerKeyExchange. The prime's size and whether it is a published group
// (src/tls/dh-groups.ts) go to the evidence; a prime below 2048 bits is the weakness.
import type { TlsVulnerability } from '../../../evidence/tls-vulnerabilities.js';
import { errorCode } from '../../../engine/errors.js';
import { suiteRef } from '../../../tls/cipher-suites.js';
import { knownDhGroup } from '../../../tls/dh-groups.js';
import { parseServerKeyExchange } from '../../../tls/server-key-exchange.js';
import { suiteProperties } from '../../../tls/suite-properties.js';
import { helloFlight, legacyHello, legacyVersion, result, type VulnTarget } from './probe-kit.js';

const DHE = /^DHE_(RSA|DSS)$|^DH_anon$/;
const MIN_BITS = 2048;

export async function probeDhGroup(t: VulnTarget): Promise<TlsVulnerability[]> {
  const legacy = legacyVersion(t, (name) => DHE.test(suiteProperties(name).kx));
  if (!legacy) return [];
  const opened = await helloFlight(t, legacyHello(t, legacy.version, legacy.suites));
  if (!opened.ok) return [result('dh-group', null, `${legacy.version} hello with DHE suites: ${opened.why}`, 1)];
  opened.conv.close();
  const { hello, serverKeyExchange } = opened.flight;
  if (!serverKeyExchange) return [result('dh-group', null, 'no ServerKeyExchange in the DHE handshake', 1)];
  const anonymous = suiteProperties(suiteRef(hello.cipherSuite).name).anonymous;
  try {
    const form = anonymous ? 'anonymous' : legacy.version === 'TLSv1.2' ? 'tls12' : 'legacy';
    const params = parseServerKeyExchange(serverKeyExchange, 'dhe', form).params;
    if (params.kind !== 'dhe') return [result('dh-group', null, 'ServerKeyExchange without DH parameters', 1)];
    const knownGroup = knownDhGroup(params.p);
    const detail = `${params.groupBits}-bit DH group${knownGroup ? ` (${knownGroup})` : ' made by the server'}`;
    return [{ ...result('dh-group', params.groupBits < MIN_BITS, detail, 1), groupBits: params.groupBits, knownGroup }];
  } catch (err) {
    return [result('dh-group', null, `unreadable ServerKeyExchange (${errorCode(err)})`, 1)];
  }
}
