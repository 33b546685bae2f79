/**
 * The rules by which each HSTS implementation reads a Strict-Transport-Security value. They are the
 * parameters of the one parser in hsts-header.ts; the upstream code each row describes is named beside it
 * (fixtures/corpora/hsts-headers/SOURCE.md lists the commits the corpus was taken from).
 */

export const HSTS_MODES = ['chromium', 'firefox', 'curl', 'rfc6797', 'hstspreload'] as const;
export type HstsMode = (typeof HSTS_MODES)[number];

/** What the parser noticed; stable codes. Whether one voids the header depends on the mode. */
export const HSTS_EVENTS = [
  'empty-header',
  'empty-directive',
  'syntax',
  'unknown-directive',
  'duplicate-directive',
  'max-age-missing',
  'max-age-no-value',
  'max-age-empty',
  'max-age-invalid',
  'max-age-leading-zero',
  'max-age-overflow',
  'include-subdomains-invalid',
  'preload-invalid',
] as const;
export type HstsEvent = (typeof HSTS_EVENTS)[number];

/** How one directive is read. */
export type HstsReader =
  /** token [ "=" ( token / quoted-string ) ], with the engine's quoting rules. */
  | {
      kind: 'grammar';
      /** An empty name (`=2`) or an empty value (`foo=`) is read as an ignored directive. */
      emptyNameOrValue: boolean;
      /** Characters allowed unescaped in a quoted-string, and after a backslash. */
      qdtext: (c: number) => boolean;
      quotedPair: (c: number) => boolean;
    }
  /** Known names matched as prefixes; anything else is skipped up to the next `;`. */
  | { kind: 'curl' }
  /** The trimmed directive compared with, or prefixed by, `preload`, `includeSubDomains`, `max-age=`. */
  | { kind: 'hstspreload' };

export interface HstsDialect {
  /** Whether a `;` inside a quoted-string stays in its directive. */
  split: 'quoted' | 'plain';
  /**
   * Whitespace around directives, names and values: `sp-ht` (space, tab), `lws` (RFC 2616 LWS: also CRLF
   * when a space or tab follows) or `go` (Go's strings.TrimSpace: Unicode white space, at the ends only).
   */
  space: 'sp-ht' | 'lws' | 'go';
  reader: HstsReader;
  /** Directive names (lower case) whose repetition is reported, or `all`. */
  unique: readonly string[] | 'all';
  /** Events that make the engine ignore the whole header (for hstspreload: its parse errors). */
  fatal: readonly HstsEvent[];
  /** The largest max-age the engine stores; larger values are clamped. Null: no clamp. */
  maxAgeCap: number | null;
}

const BROWSER_FATAL: readonly HstsEvent[] = [
  'syntax',
  'duplicate-directive',
  'max-age-missing',
  'max-age-no-value',
  'max-age-empty',
  'max-age-invalid',
  'include-subdomains-invalid',
];
const KNOWN = ['max-age', 'includesubdomains'];

/** Seconds in 365 days: Chromium's kMaxHSTSAgeSecs. */
export const CHROMIUM_MAX_AGE_CAP = 86400 * 365;
/** Firefox's sMaxMaxAgeInSeconds: 100 years of 365 days. */
export const FIREFOX_MAX_AGE_CAP = 86400 * 365 * 100;

export const DIALECTS: Record<HstsMode, HstsDialect> = {
  // net/http/http_security_headers.cc ParseHSTSHeader over HttpUtil::NameValuePairsIterator (strict quotes).
  chromium: {
    split: 'quoted',
    space: 'sp-ht',
    reader: { kind: 'grammar', emptyNameOrValue: false, qdtext: (c) => c !== 0x22 && c !== 0x5c, quotedPair: () => true },
    unique: KNOWN,
    fatal: BROWSER_FATAL,
    maxAgeCap: CHROMIUM_MAX_AGE_CAP,
  },
  // security/manager/ssl/nsSecurityHeaderParser.cpp and nsSiteSecurityService.cpp ParseSSSHeaders.
  firefox: {
    split: 'quoted',
    space: 'lws',
    reader: {
      kind: 'grammar',
      emptyNameOrValue: true,
      qdtext: (c) => (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) || c === 0x09 || c === 0x0a || c === 0x0d,
      quotedPair: (c) => c <= 0x7f,
    },
    unique: KNOWN,
    // Its Tokenizer reads max-age as a uint64 and fails beyond that.
    fatal: [...BROWSER_FATAL, 'max-age-overflow'],
    maxAgeCap: FIREFOX_MAX_AGE_CAP,
  },
  // lib/hsts.c Curl_hsts_parse: an overflowing max-age saturates.
  curl: { split: 'plain', space: 'sp-ht', reader: { kind: 'curl' }, unique: KNOWN, fatal: BROWSER_FATAL, maxAgeCap: null },
  // RFC 6797 §6.1 with RFC 2616 §2.2 implied LWS, token and quoted-string.
  rfc6797: {
    split: 'quoted',
    space: 'lws',
    reader: {
      kind: 'grammar',
      emptyNameOrValue: false,
      qdtext: (c) => (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x7f) || c === 0x09,
      quotedPair: (c) => c <= 0x7f,
    },
    unique: 'all',
    fatal: BROWSER_FATAL,
    maxAgeCap: null,
  },
  // chromium/hstspreload header.go ParseHeaderString: repeats are warnings, max-age must fit a uint64.
  hstspreload: {
    split: 'plain',
    space: 'go',
    reader: { kind: 'hstspreload' },
    unique: [...KNOWN, 'preload'],
    fatal: ['max-age-no-value', 'max-age-empty', 'max-age-invalid', 'max-age-overflow'],
    maxAgeCap: null,
  },
};
