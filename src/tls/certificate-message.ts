// The Certificate handshake message. Up to TLS 1.2 (RFC 5246 §7.4.2) it is a list of DER certificates;
// TLS 1.3 (RFC 8446 §4.4.2) adds a request context and per-certificate extensions (OCSP, SCTs).
import { write } from './byte-writer.js';
import { readExtensions, writeExtensions, type Extension, type NamedExtension } from './extensions.js';
import { tlsReader } from './reader.js';

export interface CertificateEntry<E extends Extension = Extension> {
  der: Uint8Array;
  /** TLS 1.3 only; null in the TLS ≤ 1.2 form. */
  extensions: E[] | null;
}

export interface CertificateMessage<E extends Extension = Extension> {
  /** TLS 1.3 certificate_request_context; null in the TLS ≤ 1.2 form. */
  context: Uint8Array | null;
  entries: CertificateEntry<E>[];
}

export function parseCertificateMessage(body: Uint8Array, form: 'tls12' | 'tls13'): CertificateMessage<NamedExtension> {
  const r = tlsReader(body, 'Certificate');
  const context = form === 'tls13' ? r.vector(1, 'certificate_request_context') : null;
  const list = r.sub(3, 'certificate_list');
  const entries: CertificateEntry<NamedExtension>[] = [];
  while (list.remaining > 0) {
    const der = list.vector(3, 'cert_data', 1);
    entries.push({ der, extensions: form === 'tls13' ? readExtensions(list) : null });
  }
  r.done();
  return { context, entries };
}

export function encodeCertificateMessage(msg: CertificateMessage): Uint8Array {
  return write((w) => {
    if (msg.context) w.vector(1, msg.context);
    w.nested(3, () => {
      for (const e of msg.entries) {
        w.vector(3, e.der);
        if (e.extensions) writeExtensions(w, e.extensions);
      }
    });
  });
}
