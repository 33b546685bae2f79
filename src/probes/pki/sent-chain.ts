// The certificates exactly as the server sends them. node:tls hands back the peer chain rebuilt by
// issuer, dropping certificates that certify nothing, so order and extras are lost; a TLS 1.2
// Certificate message is in the clear (RFC 5246 §7.4.2), so one crafted hello reads it directly.
// TLS 1.3 encrypts it: a server without TLS 1.2 gives no answer here.
import { HANDSHAKE_TYPE, HandshakeReassembler } from '../../tls/handshake.js';
import { parseCertificateMessage } from '../../tls/certificate-message.js';
import { VERSION } from '../../tls/protocol-versions.js';
import { CONTENT_TYPE, RecordStream } from '../../tls/record-layer.js';
import { parseServerHello } from '../../tls/server-hello.js';
import { helloFor, type EnumerationTarget } from '../tls/ask-hello.js';
import { exchange, type AnswerReader } from '../tls/exchange.js';

/** Suites nearly every TLS 1.2 server takes (ECDHE and RSA key exchange, AES-GCM, ChaCha20, AES-CBC). */
const COMMON_TLS12_SUITES = [0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc009, 0xc013, 0xc00a, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035];

/** Certificates read at most; the codec bounds the message itself. */
const MAX_SENT = 32;

type Answer = { certificates: Uint8Array[] } | { certificates: null };

class CertificateReader implements AnswerReader<Answer> {
  private readonly records = new RecordStream();
  private readonly messages = new HandshakeReassembler();
  private sawHello = false;

  push(chunk: Uint8Array): Answer | null {
    for (const record of this.records.push(chunk)) {
      if (record.contentType !== CONTENT_TYPE.handshake) return { certificates: null };
      for (const msg of this.messages.push(record.fragment)) {
        if (!this.sawHello) {
          if (msg.type !== HANDSHAKE_TYPE.serverHello || parseServerHello(msg.body).selectedVersion !== VERSION['TLSv1.2']) return { certificates: null };
          this.sawHello = true;
        } else if (msg.type === HANDSHAKE_TYPE.certificate) {
          return { certificates: parseCertificateMessage(msg.body, 'tls12').entries.slice(0, MAX_SENT).map((e) => e.der) };
        } else if (msg.type === HANDSHAKE_TYPE.serverHelloDone) {
          return { certificates: null }; // an anonymous suite: no Certificate message
        }
      }
    }
    return null;
  }
}

/** The Certificate message's certificates in the order sent, or null (no TLS 1.2, refused, failed). */
export async function sentCertificates(t: EnumerationTarget): Promise<Uint8Array[] | null> {
  const r = await exchange(t, helloFor(t, 'TLSv1.2', { cipherSuites: COMMON_TLS12_SUITES }), new CertificateReader());
  return r.kind === 'answer' ? r.value.certificates : null;
}
