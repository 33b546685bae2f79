// The TLS corpora the codec tests and the fuzz script read: RFC 8448's traces and the Illustrated
// TLS 1.2 / 1.3 connections, copied into fixtures/corpora with their SOURCE.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-root.js';

export interface Rfc8448Message {
  id: string;
  section: string;
  sender: 'client' | 'server';
  message: string;
  handshake_type: number;
  hex: string;
}

export interface Rfc8448Record {
  section: string;
  sender: string;
  /** "handshake record", "alert record", …: what the (possibly protected) record carries. */
  what: string;
  record_content_type: string;
  protected: boolean;
  payload_hex: string;
  record_hex: string;
}

export interface IllustratedRecord {
  label: string;
  side: string;
  embedded: boolean;
  fields: Array<{ label: string; hex: string }>;
  concatenated_hex: string;
}

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const read = (path: string): unknown => JSON.parse(readFileSync(join(PACKAGE_ROOT, 'fixtures', 'corpora', path), 'utf8'));

export function rfc8448(): { handshake_messages: Rfc8448Message[]; records: Rfc8448Record[] } {
  return read('rfc8448/rfc8448.json') as { handshake_messages: Rfc8448Message[]; records: Rfc8448Record[] };
}

export interface IllustratedConnection {
  records: IllustratedRecord[];
  /** Upstream captures/caps/* files: wire records, and the decrypted contents of the protected ones. */
  capture_files_hex: Record<string, string>;
}

export function illustrated(): Record<'tls1.2' | 'tls1.3', IllustratedConnection> {
  return read('tls-illustrated/illustrated.json') as Record<'tls1.2' | 'tls1.3', IllustratedConnection>;
}

/** The one record of the Illustrated connection with this label. */
export function illustratedRecord(version: 'tls1.2' | 'tls1.3', label: string): IllustratedRecord {
  const r = illustrated()[version].records.find((x) => x.label === label);
  if (!r) throw new Error(`no ${label} in illustrated ${version}`);
  return r;
}
