// What the scripted responder says beyond version, suite and group, when its policy has `features`:
// ALPN by its own preference, the extensions it supports echoed when offered, SCTs in the ServerHello
// (TLS ≤ 1.2) and the signature scheme it signs with, picked by its preference from the client's list.
import type { ClientHello } from '../tls/client-hello.js';
import { protocolNameList, sctList, u16List } from '../tls/extension-bodies.js';
import { EXTENSION, findExtension, type Extension } from '../tls/extensions.js';

export interface ResponderFeatures {
  /** Protocols served, most preferred first; absent: the responder ignores ALPN. */
  alpn?: readonly string[];
  /** Extensions supported and echoed when offered: EMS, ETM, session_ticket, status_request (empty), heartbeat, max_fragment_length (as sent). */
  echo?: readonly number[];
  /** SCTs (SerializedSCT) sent in signed_certificate_timestamp when the client asks. */
  scts?: readonly Uint8Array[];
  /** Schemes the responder can sign with, most preferred first; absent: always rsa_pkcs1_sha256. */
  signatureSchemes?: readonly number[];
}

const HEARTBEAT_PEER_ALLOWED = Uint8Array.of(1);

/** The ServerHello extensions these features add for `hello` (TLS ≤ 1.2). */
export function featureExtensions(f: ResponderFeatures | undefined, hello: ClientHello): Extension[] {
  if (!f) return [];
  const offered = (type: number) => findExtension(hello.extensions, type)?.data;
  const out: Extension[] = [];
  for (const type of f.echo ?? []) {
    const data = offered(type);
    if (data === undefined) continue;
    const body = type === EXTENSION.heartbeat ? HEARTBEAT_PEER_ALLOWED : type === EXTENSION.maxFragmentLength ? data : new Uint8Array(0);
    out.push({ type, data: body });
  }
  const alpnData = offered(EXTENSION.alpn);
  const theirs = alpnData ? protocolNameList.decode(alpnData) : [];
  const alpn = f.alpn?.find((p) => theirs.includes(p));
  if (alpn !== undefined) out.push({ type: EXTENSION.alpn, data: protocolNameList.encode([alpn]) });
  if (f.scts && offered(EXTENSION.signedCertificateTimestamp) !== undefined) {
    out.push({ type: EXTENSION.signedCertificateTimestamp, data: sctList.encode([...f.scts]) });
  }
  return out;
}

/** The scheme to sign with; null: none of the client's schemes is one the responder can use. */
export function chooseScheme(f: ResponderFeatures | undefined, hello: ClientHello, fallback: number): number | null {
  if (!f?.signatureSchemes) return fallback;
  const data = findExtension(hello.extensions, EXTENSION.signatureAlgorithms)?.data;
  const theirs = data ? u16List.decode(data) : [];
  return f.signatureSchemes.find((s) => theirs.includes(s)) ?? null;
}
