// Reads SMTP replies (RFC 5321 §4.2) from a plain socket, bounded so a hostile server cannot make
// encscan buffer without limit: at most MAX_LINES lines and MAX_LINE_BYTES per line. Text is kept
// printable (control characters such as ANSI escapes become "?").
import type net from 'node:net';
import { SmtpError } from './smtp-error.js';

export const LIMITS = { maxLines: 100, maxLineBytes: 2048 } as const;

export interface SmtpReply {
  code: number;
  /** Reply text per line, without the code and separator, made printable. */
  lines: string[];
}

/** Buffers what the socket sends and hands out one complete reply at a time. */
export class ReplyReader {
  private buffer = '';
  private waiting: (() => void) | null = null;
  private ended = false;
  private readonly onData = (chunk: Buffer): void => {
    this.buffer += chunk.toString('latin1');
    this.waiting?.();
  };
  private readonly onEnd = (): void => {
    this.ended = true;
    this.waiting?.();
  };

  constructor(private readonly socket: net.Socket) {
    socket.on('data', this.onData);
    socket.once('end', this.onEnd);
    socket.once('close', this.onEnd);
  }

  /** Bytes received after the last reply read (a server must send none after STARTTLS's 220). */
  get pending(): number {
    return this.buffer.length;
  }

  /** Stops reading so that TLS can take the socket over. */
  detach(): void {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.pause();
  }

  async read(signal: AbortSignal): Promise<SmtpReply> {
    const lines: string[] = [];
    let code: number | null = null;
    for (;;) {
      const line = await this.line(signal);
      const m = /^([2-5][0-9][0-9])([ -]|$)(.*)$/s.exec(line);
      if (!m) throw new SmtpError('ENCSCAN_SMTP_BAD_REPLY', `not an SMTP reply line: "${printable(line.slice(0, 80))}"`);
      const lineCode = Number(m[1]);
      if (code !== null && lineCode !== code) throw new SmtpError('ENCSCAN_SMTP_BAD_REPLY', `reply code changed from ${code} to ${lineCode} mid-reply`);
      code = lineCode;
      if (lines.length >= LIMITS.maxLines) throw new SmtpError('ENCSCAN_SMTP_REPLY_TOO_LARGE', `reply longer than ${LIMITS.maxLines} lines`, { code, lines });
      lines.push(printable(m[3]!));
      if (m[2] !== '-') return { code, lines };
    }
  }

  private async line(signal: AbortSignal): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf('\n');
      if (end !== -1) {
        if (end > LIMITS.maxLineBytes) throw new SmtpError('ENCSCAN_SMTP_REPLY_TOO_LARGE', `reply line longer than ${LIMITS.maxLineBytes} bytes`);
        const line = this.buffer.slice(0, end).replace(/\r$/, '');
        this.buffer = this.buffer.slice(end + 1);
        return line;
      }
      if (this.buffer.length > LIMITS.maxLineBytes) throw new SmtpError('ENCSCAN_SMTP_REPLY_TOO_LARGE', `reply line longer than ${LIMITS.maxLineBytes} bytes`);
      if (this.ended) throw new SmtpError('ENCSCAN_SMTP_CLOSED', 'the server closed the connection');
      signal.throwIfAborted();
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.waiting = null;
          signal.removeEventListener('abort', done);
          resolve();
        };
        this.waiting = done;
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }
}

/** Control characters (C0, DEL, C1) become "?"; the rest is kept as Latin-1 text. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
