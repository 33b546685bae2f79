// What enumeration offers for each version: every registered suite that version can negotiate, the
// groups, and signature schemes. Suites of the families servers commonly run come first, so that the
// first hello of a bundled search already holds nearly everything a server accepts.
import { registeredSuites, suiteRef } from '../../tls/cipher-suites.js';
import { registeredGroups, registeredSignatureSchemes } from '../../tls/registry.js';
import type { HelloVersion } from '../../tls/client-hello-builder.js';
import { suiteProperties } from '../../tls/suite-properties.js';

/** Key exchanges in the order their suites are offered: what servers commonly run first, pre-shared keys, SRP, Kerberos, static DH, GOST and PAKE last. */
const KX_TIERS = [/^ECDHE_(ECDSA|RSA)$/, /^DHE_(RSA|DSS)$/, /^RSA$/, /./];
const RARE_KX = /PSK|SRP|KRB5|ECCPWD|GOSTR|^DH_(DSS|RSA)|^ECDH_(ECDSA|RSA)/;
/** ECC suites are defined for TLS 1.0 and later only (RFC 8422 §5.1). */
const ECC_KX = /^ECDH/;
/** Explicit-curve code points (RFC 8422 §5.1.1) name no group. */
const EXPLICIT_CURVES = new Set([0xff01, 0xff02]);
const FFDHE_FIRST = 256;

export function suitesFor(version: HelloVersion): number[] {
  const all = registeredSuites().map((code) => ({ code, p: suiteProperties(suiteRef(code).name) }));
  if (version === 'TLSv1.3') return all.filter((s) => s.p.tls13).map((s) => s.code);
  const usable = all.filter(
    (s) => !s.p.tls13 && !s.p.scsv && (version === 'TLSv1.2' || !s.p.tls12Only) && (version !== 'SSLv3' || !ECC_KX.test(s.p.kx)),
  );
  const tier = (kx: string) => (RARE_KX.test(kx) ? KX_TIERS.length : KX_TIERS.findIndex((re) => re.test(kx)));
  return usable
    .map((s, i) => ({ ...s, rank: tier(s.p.kx) * 10_000 + i }))
    .sort((a, b) => a.rank - b.rank)
    .map((s) => s.code);
}

/** Groups a TLS 1.3 server may choose: every registered one that names a group. */
export function tls13Groups(): number[] {
  return registeredGroups().filter((g) => !EXPLICIT_CURVES.has(g));
}

/**
 * Elliptic curves for TLS ≤ 1.2 hellos. Finite-field groups stay out: a server that implements
 * RFC 7919 §4 must not pick a DHE suite when none of the offered ffdhe groups suits it.
 */
export function ecGroups(): number[] {
  return registeredGroups().filter((g) => g < FFDHE_FIRST);
}

export function signatureSchemes(): number[] {
  return registeredSignatureSchemes();
}
