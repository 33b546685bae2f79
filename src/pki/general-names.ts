// GeneralName (RFC 5280 §4.2.1.6) as encscan reasons about it, with the syntax rules that
// subjectAltName entries and name-constraint subtrees must follow.
import { children, content, whole, type Tlv } from './der.js';

export type GeneralName =
  | { type: 'dns'; value: string }
  | { type: 'email'; value: string }
  /** 4 or 16 octets in a SAN; address then mask (8 or 32 octets) in a name constraint. */
  | { type: 'ip'; bytes: Uint8Array }
  /** DER of the Name. */
  | { type: 'dir'; der: Uint8Array }
  /** otherName, x400Address, ediPartyName, URI or registeredID: by context tag number. */
  | { type: 'other'; tag: number };

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

export function readGeneralName(der: Uint8Array, name: Tlv): GeneralName {
  switch (name.tag) {
    case 0x81:
      return { type: 'email', value: latin1(content(der, name)) };
    case 0x82:
      return { type: 'dns', value: latin1(content(der, name)) };
    case 0x87:
      return { type: 'ip', bytes: content(der, name) };
    case 0xa4: {
      // [4] EXPLICIT Name
      const inner = children(der, name)[0];
      return { type: 'dir', der: inner ? whole(der, inner) : new Uint8Array() };
    }
    default:
      return { type: 'other', tag: name.tag & 0x1f };
  }
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** RFC 1034 §3.5 preferred name syntax as relaxed by RFC 1123 §2.1 (so no underscores). */
export function isHostname(name: string): boolean {
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label));
}

/** A dNSName SAN: a host name, or one whose complete left-most label is `*`. */
export function isDnsSan(name: string): boolean {
  return isHostname(name.startsWith('*.') ? name.slice(2) : name);
}

/** An rfc822Name SAN: exactly one mailbox, local-part@host. */
export function isMailbox(value: string): boolean {
  const at = value.indexOf('@');
  return at > 0 && at === value.lastIndexOf('@') && isHostname(value.slice(at + 1));
}

/** Is this SAN entry well formed? Unknown kinds are not judged. */
export function isValidSanEntry(name: GeneralName): boolean {
  if (name.type === 'dns') return isDnsSan(name.value);
  if (name.type === 'email') return isMailbox(name.value);
  if (name.type === 'ip') return name.bytes.length === 4 || name.bytes.length === 16;
  return true;
}
