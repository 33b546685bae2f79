// What a cipher suite is made of, read from its registered name: IANA names follow
// TLS_<key exchange>_WITH_<cipher>_<MAC> (RFC 5246 §A.5) or, in TLS 1.3, TLS_<AEAD>_<hash>
// (RFC 8446 §B.4); SSLv2 kinds follow SSL_CK_<cipher>_WITH_MD5 (draft-hickman-netscape-ssl-00 §C).
// The properties are what posture checks judge: key exchange, forward secrecy, AEAD, and the
// weaknesses that have names (NULL, anonymous, export, RC4, DES, 64-bit blocks / Sweet32).

export interface SuiteProperties {
  /** Key exchange (and authentication) part: "ECDHE_RSA", "RSA", "DH_anon"; "TLS13" for TLS 1.3 suites. */
  kx: string;
  /** Bulk cipher part: "AES_128_GCM", "3DES_EDE_CBC", "RC4_128", "NULL". */
  cipher: string;
  tls13: boolean;
  /** Signalling values (TLS_EMPTY_RENEGOTIATION_INFO_SCSV, TLS_FALLBACK_SCSV): never negotiated. */
  scsv: boolean;
  forwardSecrecy: boolean;
  anonymous: boolean;
  export: boolean;
  nullCipher: boolean;
  rc4: boolean;
  /** Single DES (56 or 40 bits). */
  des: boolean;
  tripleDes: boolean;
  /** 64-bit block cipher (3DES, DES, IDEA, RC2, Magma): birthday attacks such as Sweet32. */
  block64: boolean;
  cbc: boolean;
  aead: boolean;
  /** Needs TLS 1.2 (SHA-256/384 MAC or an AEAD); SSLv3–TLS 1.1 servers cannot choose it. */
  tls12Only: boolean;
}

const EPHEMERAL = /(^|_)(ECDHE|DHE)(_|$)/;
/** TLS 1.3 integrity-only suites (RFC 9150): TLS_SHA256_SHA256, TLS_SHA384_SHA384. */
const INTEGRITY_ONLY = /^SHA\d+_SHA\d+$/;

export function suiteProperties(name: string): SuiteProperties {
  const scsv = name.endsWith('_SCSV');
  const ssl2 = name.startsWith('SSL_CK_');
  const body = name.replace(/^(TLS|SSL_CK)_/, '');
  const withAt = body.indexOf('_WITH_');
  const tls13 = !ssl2 && !scsv && withAt < 0;
  const kx = ssl2 ? 'RSA' : tls13 ? 'TLS13' : withAt < 0 ? body : body.slice(0, withAt);
  const cipherAndMac = ssl2 ? body.slice(0, withAt) : tls13 ? body : body.slice(withAt + 6);
  const cipher = ssl2 || tls13 ? cipherAndMac : cipherAndMac.replace(/_(MD5|SHA|SHA256|SHA384|NULL|OMAC|L|S)$/, '');
  const has = (re: RegExp) => re.test(cipher);
  const tripleDes = has(/3DES|DES_192_EDE3/);
  const des = !tripleDes && has(/(^|_)DES(40)?(_|$)/);
  const integrityOnly = tls13 && has(INTEGRITY_ONLY);
  const aead = has(/GCM|CCM|POLY1305|MGM/) || (tls13 && !integrityOnly);
  return {
    kx,
    cipher,
    tls13,
    scsv,
    forwardSecrecy: tls13 || EPHEMERAL.test(kx),
    anonymous: /(^|_)anon(_|$)/.test(kx),
    export: /EXPORT/.test(name),
    nullCipher: cipher === 'NULL' || integrityOnly,
    rc4: has(/RC4/),
    des,
    tripleDes,
    block64: tripleDes || des || has(/IDEA|RC2|MAGMA/),
    cbc: has(/CBC/),
    aead,
    tls12Only: !ssl2 && !tls13 && (aead || /_(SHA256|SHA384)$/.test(cipherAndMac)),
  };
}
