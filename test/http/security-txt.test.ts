import { describe, expect, it } from 'vitest';
import { parseSecurityTxt } from '../../src/http/security-txt.js';

const URL = 'https://site.example/.well-known/security.txt';
const parse = (text: string | Uint8Array, type: string | null = 'text/plain; charset=utf-8') =>
  parseSecurityTxt(URL, type, typeof text === 'string' ? new TextEncoder().encode(text) : text);

describe('parseSecurityTxt (RFC 9116)', () => {
  it('reads every field, case-insensitively, skipping comments', () => {
    const s = parse(
      '# our policy\nContact: mailto:security@site.example\ncontact: https://site.example/report\nExpires: 2027-01-01T00:00:00.000Z\n' +
        'Encryption: https://site.example/pgp.txt\nPreferred-Languages: en, nl\nCanonical: https://site.example/.well-known/security.txt\nPolicy: https://site.example/policy\nX-Custom: ignored\n',
    );
    expect(s.errors).toEqual([]);
    expect(s.fields).toMatchObject({
      contact: ['mailto:security@site.example', 'https://site.example/report'],
      expires: '2027-01-01T00:00:00.000Z',
      preferredLanguages: 'en, nl',
      canonical: [URL],
    });
  });

  it.each([
    ['Expires: 2027-01-01T00:00:00Z', 'text/plain; charset=utf-8', ['missing-contact']],
    ['Contact: mailto:a@b', 'text/plain; charset=utf-8', ['missing-expires']],
    ['Contact: mailto:a@b\nExpires: 2027-01-01T00:00:00Z\nExpires: 2028-01-01T00:00:00Z', 'text/plain; charset=utf-8', ['multiple-expires']],
    ['Contact: mailto:a@b\nExpires: next year', 'text/plain; charset=utf-8', ['bad-expires']],
    ['Contact: mailto:a@b\nExpires: 2027-01-01T00:00:00Z', 'text/plain', ['no-utf8-charset']],
    ['Contact: mailto:a@b\nExpires: 2027-01-01T00:00:00Z', null, ['bad-content-type']],
    ['Contact: mailto:a@b\nExpires: 2027-01-01T00:00:00Z\nCanonical: https://elsewhere.example/security.txt', 'text/plain; charset=utf-8', ['canonical-mismatch']],
    ['Contact: mailto:a@b\nExpires: 2027-01-01T00:00:00Z\nthis is not a field', 'text/plain; charset=utf-8', ['bad-line']],
    ['Contact: mailto:a@b\nExpires: 2027-01-01T00:00:00Z\nPreferred-Languages: en\nPreferred-Languages: nl', 'text/plain; charset=utf-8', ['multiple-preferred-languages']],
  ])('%j (%s) -> %j', (text, type, errors) => expect(parse(text, type).errors).toEqual(errors));

  it('reads an OpenPGP cleartext-signed file', () => {
    const s = parse(
      '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@b\n- Expires: 2027-01-01T00:00:00Z\n-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n',
    );
    expect(s).toMatchObject({ signed: true, errors: [], fields: { expires: '2027-01-01T00:00:00Z' } });
  });

  it('survives invalid UTF-8 and huge files', () => {
    expect(parse(new Uint8Array([0x43, 0xff, 0xfe, 0x0a])).errors).toContain('not-utf8');
    const huge = parse(`Contact: ${'x'.repeat(100_000)}\n${'Policy: p\n'.repeat(10_000)}Expires: 2027-01-01T00:00:00Z\n`);
    expect(huge.fields.contact[0]!.length).toBeLessThanOrEqual(2048);
  });
});
