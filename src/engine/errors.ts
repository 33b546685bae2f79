// Errors carry stable codes (ENCSCAN_*): callers and tests branch on `code`, never on message text.

export type ErrorCode =
  | 'ENCSCAN_USAGE'
  | 'ENCSCAN_BAD_TARGET'
  | 'ENCSCAN_BAD_FILE'
  | 'ENCSCAN_NOT_AN_IP'
  | 'ENCSCAN_CONNECT_REFUSED'
  | 'ENCSCAN_CONNECT_FAILED'
  | 'ENCSCAN_TIMEOUT'
  | 'ENCSCAN_CIRCUIT_OPEN'
  | 'ENCSCAN_BUDGET_EXHAUSTED'
  | 'ENCSCAN_ABORTED'
  | 'ENCSCAN_TLS_HANDSHAKE'
  | 'ENCSCAN_HTTP'
  | 'ENCSCAN_HTTP_BAD_RESPONSE'
  | 'ENCSCAN_HTTP_HEADERS_TOO_LARGE'
  | 'ENCSCAN_HTTP_REDIRECT_LOOP'
  | 'ENCSCAN_HTTP_TOO_MANY_REDIRECTS'
  | 'ENCSCAN_DNS_TIMEOUT'
  | 'ENCSCAN_DNS_BAD_RESPONSE'
  | 'ENCSCAN_DNS_NXDOMAIN'
  | 'ENCSCAN_DNS_SERVFAIL'
  | 'ENCSCAN_DNS_NO_ADDRESS'
  | 'ENCSCAN_DNS_LOOP'
  | 'ENCSCAN_DNS_LAME'
  | 'ENCSCAN_DECODE'
  | 'ENCSCAN_SMTP_REFUSED'
  | 'ENCSCAN_SMTP_NO_STARTTLS'
  | 'ENCSCAN_SMTP_STARTTLS_REFUSED'
  | 'ENCSCAN_SMTP_REPLY_TOO_LARGE'
  | 'ENCSCAN_SMTP_BAD_REPLY'
  | 'ENCSCAN_SMTP_CLOSED'
  | 'ENCSCAN_TLS_TRUNCATED'
  | 'ENCSCAN_TLS_TRAILING_BYTES'
  | 'ENCSCAN_TLS_BAD_LENGTH'
  | 'ENCSCAN_TLS_BAD_VALUE'
  | 'ENCSCAN_TLS_NOT_TLS'
  | 'ENCSCAN_TLS_RECORD_OVERFLOW'
  | 'ENCSCAN_TLS_HANDSHAKE_OVERFLOW'
  | 'ENCSCAN_TLS_UNEXPECTED_MESSAGE'
  | 'ENCSCAN_TLS_ENCODE'
  | 'ENCSCAN_INTERNAL';

export class EncscanError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EncscanError';
    this.code = code;
  }
}

/** Bad command-line input: a one-line message and exit code 3. */
export class UsageError extends EncscanError {
  constructor(message: string, code: ErrorCode = 'ENCSCAN_USAGE') {
    super(code, message);
    this.name = 'UsageError';
  }
}

/** Maps any thrown value to a stable code, for attempts and error entries. */
export function errorCode(err: unknown): ErrorCode {
  if (err instanceof EncscanError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return 'ENCSCAN_CONNECT_REFUSED';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return 'ENCSCAN_TIMEOUT';
  }
  if ((err as Error | null)?.name === 'AbortError') return 'ENCSCAN_ABORTED';
  if (typeof code === 'string' && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'ECONNRESET')) {
    return code === 'ECONNRESET' ? 'ENCSCAN_CONNECT_FAILED' : 'ENCSCAN_TLS_HANDSHAKE';
  }
  if (typeof code === 'string' && code.startsWith('E')) return 'ENCSCAN_CONNECT_FAILED';
  return 'ENCSCAN_INTERNAL';
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The only error pure codecs (src/codec, src/tls, src/dnssec, src/pki) throw on untrusted bytes. */
export class DecodeError extends EncscanError {
  constructor(message: string, code: ErrorCode = 'ENCSCAN_DECODE') {
    super(code, message);
    this.name = 'DecodeError';
  }
}
