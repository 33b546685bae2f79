// Trust anchors: DS or DNSKEY records in presentation format, or IANA's root-anchors.xml (RFC 9718).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecodeError } from '../engine/errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { keyTag } from './key-tag.js';
import { type Name, nameToString, parseName } from './name.js';
import { hex, parseRecords } from './presentation.js';
import { DNSKEY_ZONE, decodeDnskey, decodeDs } from './rdata.js';
import { RR, typeName } from './rr-types.js';

export type TrustAnchor =
  | { kind: 'ds'; owner: Name; keyTag: number; algorithm: number; digestType: number; digest: Uint8Array; validFrom?: Date; validUntil?: Date }
  | { kind: 'dnskey'; owner: Name; keyTag: number; algorithm: number; rdata: Uint8Array };

/** Parses a trust-anchor file: root-anchors.xml when it starts with `<`, else DS/DNSKEY records. */
export function parseTrustAnchors(text: string): TrustAnchor[] {
  const anchors = text.trimStart().startsWith('<') ? parseRootAnchorsXml(text) : parseAnchorRecords(text);
  if (anchors.length === 0) throw new DecodeError('no trust anchor found');
  return anchors;
}

function parseAnchorRecords(text: string): TrustAnchor[] {
  return parseRecords(text).map((rr): TrustAnchor => {
    if (rr.class !== 1) throw new DecodeError(`trust anchor for ${nameToString(rr.owner)} is not class IN`);
    if (rr.type === RR.DS) {
      const ds = decodeDs(rr.rdata);
      if (ds.digest.length === 0) throw new DecodeError(`DS trust anchor for ${nameToString(rr.owner)} has no digest`);
      return { kind: 'ds', owner: rr.owner, ...ds };
    }
    if (rr.type === RR.DNSKEY) {
      const key = decodeDnskey(rr.rdata);
      if ((key.flags & DNSKEY_ZONE) === 0 || key.protocol !== 3) throw new DecodeError(`DNSKEY trust anchor for ${nameToString(rr.owner)} is not a zone key`);
      return { kind: 'dnskey', owner: rr.owner, keyTag: keyTag(rr.rdata), algorithm: key.algorithm, rdata: rr.rdata };
    }
    throw new DecodeError(`a trust anchor must be DS or DNSKEY, not ${typeName(rr.type)}`);
  });
}

function xmlText(body: string, tag: string): string {
  const all = [...body.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))];
  if (all.length !== 1) throw new DecodeError(`root-anchors.xml: ${all.length === 0 ? 'missing' : 'more than one'} <${tag}>`);
  return all[0]![1]!.trim();
}

function xmlNumber(body: string, tag: string, max: number): number {
  const v = xmlText(body, tag);
  if (!/^\d{1,5}$/.test(v) || Number(v) > max) throw new DecodeError(`root-anchors.xml: bad <${tag}> ${JSON.stringify(v)}`);
  return Number(v);
}

function xmlDate(attrs: string, name: string): Date | undefined {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  if (!m) return undefined;
  const d = new Date(m[1]!);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(m[1]!) || Number.isNaN(d.getTime())) throw new DecodeError(`root-anchors.xml: bad ${name} ${JSON.stringify(m[1])}`);
  return d;
}

/** IANA's root-anchors.xml (RFC 9718 §2): one <Zone>, then <KeyDigest> elements with validity dates. */
function parseRootAnchorsXml(text: string): TrustAnchor[] {
  if (!/<TrustAnchor\b[^>]*>[\s\S]*<\/TrustAnchor>/.test(text)) throw new DecodeError('root-anchors.xml: no <TrustAnchor> element');
  const zoneText = /<Zone>([^<]*)<\/Zone>/.exec(text)?.[1]?.trim();
  if (zoneText === undefined) throw new DecodeError('root-anchors.xml: missing <Zone>');
  const owner = parseName(zoneText);
  const anchors: TrustAnchor[] = [];
  for (const m of text.matchAll(/<KeyDigest\b([^>]*)>([\s\S]*?)<\/KeyDigest>/g)) {
    const [, attrs = '', body = ''] = m;
    const digest = hex(xmlText(body, 'Digest'));
    if (digest.length === 0) throw new DecodeError('root-anchors.xml: empty <Digest>');
    const validFrom = xmlDate(attrs, 'validFrom');
    const validUntil = xmlDate(attrs, 'validUntil');
    anchors.push({
      kind: 'ds', owner,
      keyTag: xmlNumber(body, 'KeyTag', 0xffff), algorithm: xmlNumber(body, 'Algorithm', 0xff), digestType: xmlNumber(body, 'DigestType', 0xff), digest,
      ...(validFrom ? { validFrom } : {}), ...(validUntil ? { validUntil } : {}),
    });
  }
  if (anchors.length === 0 && /<KeyDigest\b/.test(text)) throw new DecodeError('root-anchors.xml: unterminated <KeyDigest>');
  return anchors;
}

/** The anchors in force at `now`: root-anchors.xml dates exclude keys not yet or no longer valid. */
export function activeAnchors(anchors: readonly TrustAnchor[], now: Date): TrustAnchor[] {
  return anchors.filter((a) => a.kind === 'dnskey' || ((!a.validFrom || a.validFrom <= now) && (!a.validUntil || now < a.validUntil)));
}

let root: TrustAnchor[] | undefined;

/** The IANA root KSKs 20326 and 38696 as DS anchors, shipped in src/dnssec/root-anchors.json. */
export function defaultRootAnchors(): TrustAnchor[] {
  if (!root) {
    const data = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'src', 'dnssec', 'root-anchors.json'), 'utf8')) as { records: string[] };
    root = parseTrustAnchors(data.records.join('\n'));
  }
  return root;
}
