// Why an SMTP conversation stopped before TLS, as stable codes.
import { EncscanError } from '../../engine/errors.js';
import type { SmtpReply } from './smtp-reply.js';

export const SMTP_ERROR_CODES = [
  'ENCSCAN_SMTP_REFUSED', // a 4xx/5xx banner or EHLO reply
  'ENCSCAN_SMTP_NO_STARTTLS', // EHLO did not offer STARTTLS
  'ENCSCAN_SMTP_STARTTLS_REFUSED', // STARTTLS answered with something other than 220
  'ENCSCAN_SMTP_REPLY_TOO_LARGE',
  'ENCSCAN_SMTP_BAD_REPLY', // not a reply line, or plaintext sent after STARTTLS's 220 (injection)
  'ENCSCAN_SMTP_CLOSED',
] as const;
export type SmtpErrorCode = (typeof SMTP_ERROR_CODES)[number];

export class SmtpError extends EncscanError {
  declare readonly code: SmtpErrorCode;
  /** The reply that caused it, when there was one. */
  readonly reply: SmtpReply | null;
  constructor(code: SmtpErrorCode, message: string, reply: SmtpReply | null = null) {
    super(code, message);
    this.name = 'SmtpError';
    this.reply = reply;
  }
}
