// Reads the answer to an SSLv2 CLIENT-HELLO: an SSLv2 SERVER-HELLO or ERROR, or — from servers that
// only speak TLS — a TLS record (an alert), which means no SSLv2.
import { readSsl2Record, parseSsl2ServerMessage, type Ssl2Error, type Ssl2ServerHello } from '../../tls/ssl2.js';
import { HelloAnswerReader, type HelloAnswer } from './hello-answer.js';
import type { AnswerReader } from './exchange.js';

export type Ssl2Answer = Ssl2ServerHello | Ssl2Error | { type: 'tls'; answer: HelloAnswer };

export class Ssl2AnswerReader implements AnswerReader<Ssl2Answer> {
  private buf = new Uint8Array(0);
  private tls: HelloAnswerReader | null = null;

  push(chunk: Uint8Array): Ssl2Answer | null {
    if (this.tls) return this.wrap(this.tls.push(chunk));
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf);
    joined.set(chunk, this.buf.length);
    this.buf = joined;
    if (this.buf.length >= 2 && this.buf[0]! >= 20 && this.buf[0]! <= 24 && this.buf[1] === 3) {
      this.tls = new HelloAnswerReader('server-hello');
      return this.wrap(this.tls.push(this.buf));
    }
    const r = readSsl2Record(this.buf);
    return r ? parseSsl2ServerMessage(r.record.body) : null;
  }

  private wrap(answer: HelloAnswer | null): Ssl2Answer | null {
    return answer ? { type: 'tls', answer } : null;
  }
}
