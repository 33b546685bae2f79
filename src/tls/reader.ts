// The TLS codec's byte reader: the shared bounds-checked reader with the ENCSCAN_TLS_* codes.
import { ByteReader, type ReaderCodes } from '../codec/byte-reader.js';
import { DecodeError } from '../engine/errors.js';

const TLS_CODES: ReaderCodes = {
  truncated: 'ENCSCAN_TLS_TRUNCATED',
  badLength: 'ENCSCAN_TLS_BAD_LENGTH',
  trailing: 'ENCSCAN_TLS_TRAILING_BYTES',
};

/** Reads all of `bytes`; `what` names the structure in error messages. */
export function tlsReader(bytes: Uint8Array, what: string): ByteReader {
  return new ByteReader(bytes, { codes: TLS_CODES, what });
}

/** Throws the codec's error for a value the protocol forbids. */
export function badValue(what: string, detail: string): DecodeError {
  return new DecodeError(`${what}: ${detail}`, 'ENCSCAN_TLS_BAD_VALUE');
}
