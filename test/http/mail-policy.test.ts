import { describe, expect, it } from 'vitest';
import { mxPatternMatches, parseMtaStsPolicy, parseMtaStsTxt } from '../../src/http/mta-sts.js';
import { parseTlsRptTxt } from '../../src/http/tls-rpt.js';

describe('MTA-STS TXT record (RFC 8461 §3.1)', () => {
  it.each([
    [['v=STSv1; id=20260101T000000'], { valid: true, id: '20260101T000000', errors: [] }],
    [['v=STSv1;id=abc123;'], { valid: true, id: 'abc123', errors: [] }],
    [['v=spf1 -all'], { valid: false, id: null, errors: ['no-record'] }],
    [['v=STSv1; id=a', 'v=STSv1; id=b'], { valid: false, id: null, errors: ['multiple-records'] }],
    [['v=STSv1;'], { valid: false, id: null, errors: ['missing-id'] }],
    [['v=STSv1; id=not-alnum!'], { valid: false, id: 'not-alnum!', errors: ['bad-id'] }],
    [[`v=STSv1; id=${'a'.repeat(33)}`], { valid: false, id: 'a'.repeat(33), errors: ['bad-id'] }],
  ])('%j', (records, want) => expect(parseMtaStsTxt(records)).toEqual(want));
});

describe('MTA-STS policy file (RFC 8461 §3.2)', () => {
  it('reads the RFC example', () => {
    expect(parseMtaStsPolicy('version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\nmx: backupmx.example.com\nmax_age: 604800\n')).toEqual({
      version: 'STSv1', mode: 'enforce', mx: ['mail.example.com', '*.example.net', 'backupmx.example.com'], maxAge: 604800, errors: [],
    });
  });

  it.each([
    ['mode: enforce\nmx: a.example\nmax_age: 1', ['bad-version']],
    ['version: STSv1\nmode: strict\nmx: a.example\nmax_age: 1', ['bad-mode']],
    ['version: STSv1\nmode: enforce\nmx: a.example\nmax_age: forever', ['bad-max-age']],
    ['version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 99999999', ['max-age-too-long']],
    ['version: STSv1\nmode: enforce\nmax_age: 86400', ['no-mx']],
    ['version: STSv1\nmode: none\nmax_age: 86400', []],
    ['version: STSv1\nversion: STSv1\nmode: testing\nmx: a.example\nmax_age: 86400\r\n', ['duplicate-version']],
    ['<html>not a policy</html>', ['bad-line', 'bad-version', 'bad-mode', 'bad-max-age', 'no-mx']],
  ])('%j -> %j', (text, errors) => expect(parseMtaStsPolicy(text).errors).toEqual(errors));

  it.each([
    ['mail.example.com', 'mail.example.com', true],
    ['mail.example.com', 'MAIL.example.com.', true],
    ['*.example.net', 'mx1.example.net', true],
    ['*.example.net', 'example.net', false],
    ['*.example.net', 'a.b.example.net', false],
    ['mail.example.com', 'mail2.example.com', false],
  ])('mx %s vs %s', (pattern, host, ok) => expect(mxPatternMatches(pattern, host)).toBe(ok));
});

describe('TLS-RPT TXT record (RFC 8460 §3)', () => {
  it.each([
    [['v=TLSRPTv1; rua=mailto:tlsrpt@example.com'], { valid: true, rua: ['mailto:tlsrpt@example.com'], errors: [] }],
    [['v=TLSRPTv1;rua=mailto:a@example.com,https://reports.example.com/tlsrpt'], { valid: true, rua: ['mailto:a@example.com', 'https://reports.example.com/tlsrpt'], errors: [] }],
    [['v=TLSRPTv1;'], { valid: false, rua: [], errors: ['missing-rua'] }],
    [['v=TLSRPTv1; rua=http://insecure.example/'], { valid: false, rua: ['http://insecure.example/'], errors: ['bad-rua'] }],
    [[], { valid: false, rua: [], errors: ['no-record'] }],
    [['v=TLSRPTv1; rua=mailto:a@b.example', 'v=TLSRPTv1; rua=mailto:c@d.example'], { valid: false, rua: [], errors: ['multiple-records'] }],
  ])('%j', (records, want) => expect(parseTlsRptTxt(records)).toEqual(want));
});
