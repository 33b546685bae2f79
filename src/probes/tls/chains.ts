// Servers may hold several certificates (RSA and ECDSA, say) and pick one by what the client can
// verify. After the default handshake, encscan asks once for each other key family by restricting
// signature_algorithms (TLS 1.2 and 1.3) and the suites' authentication (TLS ≤ 1.1), and keeps every
// chain whose leaf differs from those already seen.
import { X509Certificate } from 'node:crypto';
import type { Connector } from '../../engine/connector.js';
import { SCAN_TLS_OPTIONS, sessionOf } from './handshake.js';

export type KeyType = 'rsa' | 'ecdsa' | 'ed25519' | 'ed448' | 'rsa-pss' | 'dsa' | 'unknown';

export interface ServedChain {
  keyType: KeyType;
  chain: Uint8Array[];
}

/** OpenSSL sigalgs and cipher strings that leave the server one certificate family to choose. */
const FAMILIES: ReadonlyArray<{ keyType: KeyType; sigalgs: string; ciphers: string }> = [
  {
    keyType: 'ecdsa',
    sigalgs: 'ecdsa_secp256r1_sha256:ecdsa_secp384r1_sha384:ecdsa_secp521r1_sha512:ECDSA+SHA1',
    ciphers: 'aECDSA:@SECLEVEL=0',
  },
  {
    keyType: 'rsa',
    sigalgs: 'rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:rsa_pkcs1_sha256:rsa_pkcs1_sha384:rsa_pkcs1_sha512:RSA+SHA1',
    ciphers: 'aRSA:@SECLEVEL=0',
  },
];

export function keyTypeOf(leaf: Uint8Array | undefined): KeyType {
  if (!leaf) return 'unknown';
  try {
    const t = new X509Certificate(leaf).publicKey.asymmetricKeyType;
    return t === 'ec' ? 'ecdsa' : t === 'rsa' || t === 'rsa-pss' || t === 'dsa' || t === 'ed25519' || t === 'ed448' ? t : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The chains of the other key families, one node:tls handshake each; a family the server refuses is simply absent. */
export async function otherChains(
  opts: { connector: Connector; address: string; port: number; sni: string | null; signal?: AbortSignal },
  defaultChain: Uint8Array[],
): Promise<{ chains: ServedChain[]; connections: number }> {
  const defaultType = keyTypeOf(defaultChain[0]);
  const wanted = FAMILIES.filter((f) => f.keyType !== defaultType);
  const found = await Promise.all(wanted.map((f) => chainFor(opts, f)));
  const seen = [defaultChain[0]];
  const chains: ServedChain[] = [];
  for (const c of found) {
    if (!c || c.chain.length === 0 || seen.some((s) => s !== undefined && Buffer.compare(s, c.chain[0]!) === 0)) continue;
    seen.push(c.chain[0]);
    chains.push(c);
  }
  return { chains, connections: wanted.length };
}

async function chainFor(
  opts: { connector: Connector; address: string; port: number; sni: string | null; signal?: AbortSignal },
  family: (typeof FAMILIES)[number],
): Promise<ServedChain | null> {
  try {
    const socket = await opts.connector.tls({
      address: opts.address,
      port: opts.port,
      servername: opts.sni,
      signal: opts.signal,
      options: { ...SCAN_TLS_OPTIONS, ca: [], ciphers: family.ciphers, sigalgs: family.sigalgs },
    });
    try {
      const { chain } = sessionOf(socket);
      return { keyType: keyTypeOf(chain[0]), chain };
    } finally {
      socket.destroy();
    }
  } catch {
    return null;
  }
}
