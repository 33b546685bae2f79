// Decodes the X.509v3 extensions encscan reasons about (RFC 5280 §4.2.1) into CertFields.
// Every extension is listed with its criticality; a value that fails to decode is listed in
// `malformed` instead of failing the whole certificate.
import type { CertFields } from './cert-fields.js';
import { TAG, children, content, readOid, readSmallInt, readTlv, toHex, type Tlv } from './der.js';
import { readGeneralName } from './general-names.js';
import { formatIpBytes } from './hostname.js';
import { readNameConstraints } from './name-constraints.js';
import { EXTENSIONS } from './oids.js';

export function readExtensions(der: Uint8Array, list: Tlv, out: CertFields): void {
  for (const ext of children(der, list)) {
    const parts = children(der, ext);
    const oid = parts[0] ? readOid(der, parts[0]) : '';
    const critical = parts.length === 3 && parts[1]!.tag === TAG.boolean && der[parts[1]!.contentStart] !== 0;
    out.extensions.push({ oid, critical });
    const value = parts[parts.length - 1];
    if (!value || value.tag !== TAG.octetString) {
      out.malformed.push(oid);
      continue;
    }
    try {
      readExtension(der, oid, readTlv(der, value.contentStart, value.end), out);
    } catch {
      out.malformed.push(oid);
    }
  }
}

function readExtension(der: Uint8Array, oid: string, v: Tlv, out: CertFields): void {
  switch (oid) {
    case EXTENSIONS.basicConstraints: {
      const [first, second] = children(der, v);
      const ca = first?.tag === TAG.boolean && der[first.contentStart] !== 0;
      const lenTlv = first?.tag === TAG.integer ? first : second;
      out.basicConstraints = lenTlv ? { ca, pathLen: readSmallInt(der, lenTlv) } : { ca };
      return;
    }
    case EXTENSIONS.keyUsage: {
      const bits = content(der, v).subarray(1);
      let flags = 0;
      for (let bit = 0; bit < 9; bit++) if ((bits[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) flags |= 1 << bit;
      out.keyUsage = flags;
      return;
    }
    case EXTENSIONS.extKeyUsage:
      out.extKeyUsage = children(der, v).map((t) => readOid(der, t));
      return;
    case EXTENSIONS.subjectKeyIdentifier:
      out.subjectKeyId = toHex(content(der, v));
      return;
    case EXTENSIONS.authorityKeyIdentifier: {
      const fields = children(der, v);
      const keyId = fields.find((t) => t.tag === 0x80); // [0] IMPLICIT KeyIdentifier
      if (keyId) out.authorityKeyId = toHex(content(der, keyId));
      // [1] authorityCertIssuer, [2] authorityCertSerialNumber
      out.authorityCertRef = fields.some((t) => t.tag === 0xa1 || t.tag === 0x82);
      return;
    }
    case EXTENSIONS.subjectAltName: {
      const names = children(der, v).map((t) => readGeneralName(der, t));
      out.altNames = names;
      out.san = {
        dns: names.flatMap((n) => (n.type === 'dns' ? [n.value] : [])),
        ip: names.flatMap((n) => {
          const ip = n.type === 'ip' ? formatIpBytes(n.bytes) : null; // other lengths are not addresses
          return ip === null ? [] : [ip];
        }),
      };
      return;
    }
    case EXTENSIONS.nameConstraints:
      out.nameConstraints = readNameConstraints(der, v);
      return;
  }
}
