// The TLS record layer (RFC 5246 §6.2, RFC 8446 §5.1): 5-byte header (content type, legacy version,
// length) and a fragment. Parsing works on a growing buffer: a partial record means "need more bytes",
// and a header that cannot be TLS fails at once instead of waiting for bytes that will never come.
import { DecodeError } from '../engine/errors.js';
import { encodeError, write } from './byte-writer.js';

export const CONTENT_TYPE = {
  changeCipherSpec: 20,
  alert: 21,
  handshake: 22,
  applicationData: 23,
  heartbeat: 24,
} as const;

/** Largest fragment a record may carry: TLSCiphertext's 2^14 + 2048 (RFC 5246 §6.2.3). */
export const MAX_RECORD_FRAGMENT = 2 ** 14 + 2048;
/** Largest plaintext fragment a sender may put in one record (RFC 8446 §5.1). */
export const MAX_PLAINTEXT_FRAGMENT = 2 ** 14;
export const RECORD_HEADER_LENGTH = 5;

export interface TlsRecord {
  contentType: number;
  version: number;
  fragment: Uint8Array;
}

/**
 * Reads the record at `off`: null when the buffer holds only part of it. Throws on a content type
 * outside 20–24, a version whose major byte is not 3, or a length beyond 2^14 + 2048.
 */
export function readRecord(buf: Uint8Array, off = 0): { record: TlsRecord; end: number } | null {
  const avail = buf.length - off;
  if (avail >= 1) checkContentType(buf[off]!, off);
  if (avail >= 2 && buf[off + 1] !== 3) {
    throw new DecodeError(`record at ${off}: version major byte ${buf[off + 1]} is not 3`, 'ENCSCAN_TLS_NOT_TLS');
  }
  if (avail < RECORD_HEADER_LENGTH) return null;
  const length = (buf[off + 3]! << 8) | buf[off + 4]!;
  if (length > MAX_RECORD_FRAGMENT) {
    throw new DecodeError(`record at ${off}: length ${length} exceeds ${MAX_RECORD_FRAGMENT}`, 'ENCSCAN_TLS_RECORD_OVERFLOW');
  }
  const end = off + RECORD_HEADER_LENGTH + length;
  if (end > buf.length) return null;
  return {
    record: { contentType: buf[off]!, version: (buf[off + 1]! << 8) | buf[off + 2]!, fragment: buf.slice(off + RECORD_HEADER_LENGTH, end) },
    end,
  };
}

function checkContentType(type: number, off: number): void {
  if (type < CONTENT_TYPE.changeCipherSpec || type > CONTENT_TYPE.heartbeat) {
    throw new DecodeError(`record at ${off}: content type ${type} is not TLS`, 'ENCSCAN_TLS_NOT_TLS');
  }
}

/** Splits every complete record off the front of `buf`; `rest` is the incomplete tail. */
export function readRecords(buf: Uint8Array): { records: TlsRecord[]; rest: Uint8Array } {
  const records: TlsRecord[] = [];
  let off = 0;
  for (let r = readRecord(buf, off); r; r = readRecord(buf, off)) {
    records.push(r.record);
    off = r.end;
  }
  return { records, rest: buf.slice(off) };
}

/** Collects bytes as they arrive and hands out complete records. */
export class RecordStream {
  private pending: Uint8Array = new Uint8Array(0);

  /** Appends `chunk` and returns the records it completed (possibly none). */
  push(chunk: Uint8Array): TlsRecord[] {
    const buf = new Uint8Array(this.pending.length + chunk.length);
    buf.set(this.pending);
    buf.set(chunk, this.pending.length);
    const { records, rest } = readRecords(buf);
    this.pending = rest;
    return records;
  }

  /** Bytes of a record that has not arrived completely. */
  get buffered(): number {
    return this.pending.length;
  }
}

/** One record; the fragment must fit a single record. */
export function encodeRecord(record: TlsRecord): Uint8Array {
  if (record.fragment.length > MAX_RECORD_FRAGMENT) throw encodeError(`record fragment of ${record.fragment.length} bytes`);
  return write((w) => w.u8(record.contentType).u16(record.version).vector(2, record.fragment));
}

/** Splits `data` into as many records of at most `maxFragment` bytes as it needs (at least one). */
export function encodeRecords(contentType: number, version: number, data: Uint8Array, maxFragment = MAX_PLAINTEXT_FRAGMENT): Uint8Array {
  if (!(maxFragment >= 1 && maxFragment <= MAX_RECORD_FRAGMENT)) throw encodeError(`fragment size ${maxFragment}`);
  return write((w) => {
    let off = 0;
    do {
      const fragment = data.subarray(off, off + maxFragment);
      w.bytes(encodeRecord({ contentType, version, fragment }));
      off += fragment.length;
    } while (off < data.length);
  });
}
