import { describe, expect, it } from 'vitest';
import { registeredSuites, ssl2Kinds, ssl2KindRef, suiteRef } from '../../src/tls/cipher-suites.js';
import { suiteProperties, type SuiteProperties } from '../../src/tls/suite-properties.js';
import { suitesFor } from '../../src/probes/tls/offers.js';

type Flags = Array<keyof SuiteProperties>;
const flags = (name: string): Flags => {
  const p = suiteProperties(name);
  return (Object.keys(p) as Flags).filter((k) => p[k] === true).sort();
};

describe('suite properties from registered names', () => {
  it.each<[string, string, string, Flags]>([
    ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE_RSA', 'AES_128_GCM', ['aead', 'forwardSecrecy', 'tls12Only']],
    ['TLS_RSA_WITH_AES_128_CBC_SHA', 'RSA', 'AES_128_CBC', ['cbc']],
    ['TLS_RSA_WITH_AES_256_CBC_SHA256', 'RSA', 'AES_256_CBC', ['cbc', 'tls12Only']],
    ['TLS_AES_256_GCM_SHA384', 'TLS13', 'AES_256_GCM_SHA384', ['aead', 'forwardSecrecy', 'tls13']],
    ['TLS_SHA256_SHA256', 'TLS13', 'SHA256_SHA256', ['forwardSecrecy', 'nullCipher', 'tls13']],
    ['TLS_RSA_EXPORT_WITH_RC4_40_MD5', 'RSA_EXPORT', 'RC4_40', ['export', 'rc4']],
    ['TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA', 'DHE_RSA_EXPORT', 'DES40_CBC', ['block64', 'cbc', 'des', 'export', 'forwardSecrecy']],
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'RSA', '3DES_EDE_CBC', ['block64', 'cbc', 'tripleDes']],
    ['TLS_DH_anon_WITH_AES_128_CBC_SHA', 'DH_anon', 'AES_128_CBC', ['anonymous', 'cbc']],
    ['TLS_ECDH_anon_WITH_NULL_SHA', 'ECDH_anon', 'NULL', ['anonymous', 'nullCipher']],
    ['TLS_NULL_WITH_NULL_NULL', 'NULL', 'NULL', ['nullCipher']],
    ['TLS_FALLBACK_SCSV', 'FALLBACK_SCSV', 'ACK_SCSV', ['scsv']],
    ['TLS_PSK_DHE_WITH_AES_128_CCM_8', 'PSK_DHE', 'AES_128_CCM_8', ['aead', 'forwardSecrecy', 'tls12Only']],
    ['SSL_CK_RC4_128_EXPORT40_WITH_MD5', 'RSA', 'RC4_128_EXPORT40', ['export', 'rc4']],
    ['SSL_CK_DES_192_EDE3_CBC_WITH_MD5', 'RSA', 'DES_192_EDE3_CBC', ['block64', 'cbc', 'tripleDes']],
    ['SSL_CK_DES_64_CBC_WITH_MD5', 'RSA', 'DES_64_CBC', ['block64', 'cbc', 'des']],
  ])('%s', (name, kx, cipher, want) => {
    expect(suiteProperties(name)).toMatchObject({ kx, cipher });
    expect(flags(name)).toEqual([...want].sort());
  });

  it('names codes: IANA 4 hex digits, SSLv2 6', () => {
    expect(suiteRef(0xc02f)).toEqual({ code: '0xC02F', name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' });
    expect(suiteRef(0x0a0a)).toEqual({ code: '0x0A0A', name: '0x0A0A' });
    expect(ssl2KindRef(0x0700c0)).toEqual({ code: '0x0700C0', name: 'SSL_CK_DES_192_EDE3_CBC_WITH_MD5' });
    expect(ssl2Kinds()).toHaveLength(7);
  });

  it('offers each version every registered suite it can negotiate, once', () => {
    const all = registeredSuites();
    const tls12 = suitesFor('TLSv1.2');
    const tls13 = suitesFor('TLSv1.3');
    expect(new Set(tls12).size).toBe(tls12.length);
    expect([...tls12, ...tls13, 0x00ff, 0x5600].sort()).toEqual([...all].sort());
    expect(suitesFor('TLSv1.0').every((c) => tls12.includes(c) && !suiteProperties(suiteRef(c).name).tls12Only)).toBe(true);
    expect(suitesFor('SSLv3').some((c) => suiteRef(c).name.includes('ECDH'))).toBe(false);
  });
});
