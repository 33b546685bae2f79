// The DNSSEC codec's byte reader: the shared bounds-checked reader, failing with ENCSCAN_DECODE.
import { ByteReader, type ReaderCodes } from '../codec/byte-reader.js';

const DNS_CODES: ReaderCodes = { truncated: 'ENCSCAN_DECODE', badLength: 'ENCSCAN_DECODE', trailing: 'ENCSCAN_DECODE' };

/** Reads `bytes[start, end)`; offsets stay absolute in `bytes`, as compression pointers need. */
export function dnsReader(bytes: Uint8Array, start = 0, end = bytes.length): ByteReader {
  return new ByteReader(bytes, { codes: DNS_CODES, start, end });
}
