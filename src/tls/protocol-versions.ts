// Protocol version codes on the wire (RFC 6101 §A.1, RFC 5246 §A.1, RFC 8446 §4.2.1) and their names
// in encscan's evidence. SSLv2 (0x0002) only ever appears inside SSLv2 messages.
export const VERSION = {
  SSLv2: 0x0002,
  SSLv3: 0x0300,
  'TLSv1.0': 0x0301,
  'TLSv1.1': 0x0302,
  'TLSv1.2': 0x0303,
  'TLSv1.3': 0x0304,
} as const;

/** The version names of encscan's evidence (TlsVersionName in src/evidence/tls.ts). */
export type VersionName = keyof typeof VERSION;

const NAMES = new Map<number, VersionName>(Object.entries(VERSION).map(([name, code]) => [code, name as VersionName]));

/** The evidence name of a version code, or null for anything else (drafts, GREASE, garbage). */
export function versionName(code: number): VersionName | null {
  return NAMES.get(code) ?? null;
}
