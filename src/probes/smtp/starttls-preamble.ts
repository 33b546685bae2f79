// The SMTP STARTTLS preamble (RFC 3207) for Connector.tls: banner, EHLO, STARTTLS, 220. The
// transcript fills in as the conversation goes, so it is there even when a step fails.
import type net from 'node:net';
import type { Preamble } from '../../engine/connector.js';
import { SmtpError } from './smtp-error.js';
import { ReplyReader, type SmtpReply } from './smtp-reply.js';

export interface SmtpTranscript {
  banner: SmtpReply | null;
  ehlo: SmtpReply | null;
  /** EHLO keywords after the greeting line, upper-cased, with their parameters ("SIZE 10240000"). */
  capabilities: string[];
  starttlsOffered: boolean;
  starttlsReply: SmtpReply | null;
}

export function starttlsPreamble(heloName: string): { preamble: Preamble; transcript: SmtpTranscript } {
  const transcript: SmtpTranscript = { banner: null, ehlo: null, capabilities: [], starttlsOffered: false, starttlsReply: null };
  const preamble = async (socket: net.Socket, signal: AbortSignal): Promise<void> => {
    const reader = new ReplyReader(socket);
    try {
      // A banner cut off at the size limit is still worth showing.
      transcript.banner = await reader.read(signal).catch((err: unknown) => {
        if (err instanceof SmtpError && err.reply) transcript.banner = err.reply;
        throw err;
      });
      if (transcript.banner.code !== 220) throw new SmtpError('ENCSCAN_SMTP_REFUSED', `banner ${transcript.banner.code}`, transcript.banner);
      socket.write(`EHLO ${heloName}\r\n`);
      transcript.ehlo = await reader.read(signal);
      if (transcript.ehlo.code !== 250) throw new SmtpError('ENCSCAN_SMTP_REFUSED', `EHLO ${transcript.ehlo.code}`, transcript.ehlo);
      transcript.capabilities = transcript.ehlo.lines.slice(1).map((l) => l.trim().toUpperCase());
      transcript.starttlsOffered = transcript.capabilities.some((c) => c === 'STARTTLS');
      if (!transcript.starttlsOffered) throw new SmtpError('ENCSCAN_SMTP_NO_STARTTLS', 'EHLO does not offer STARTTLS');
      socket.write('STARTTLS\r\n');
      transcript.starttlsReply = await reader.read(signal);
      if (transcript.starttlsReply.code !== 220) {
        throw new SmtpError('ENCSCAN_SMTP_STARTTLS_REFUSED', `STARTTLS ${transcript.starttlsReply.code}`, transcript.starttlsReply);
      }
      // Plaintext after the 220 would be read as if it came over TLS (RFC 3207 §4.2 warns of this injection).
      if (reader.pending > 0) throw new SmtpError('ENCSCAN_SMTP_BAD_REPLY', 'the server sent data after its STARTTLS 220');
    } finally {
      reader.detach();
    }
  };
  return { preamble, transcript };
}
