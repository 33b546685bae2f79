import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/engine/target.js';
import { UsageError } from '../../src/engine/errors.js';

describe('parseTarget accepts', () => {
  it.each([
    ['example.org', 'example.org', 443, '/', 0],
    ['Example.ORG.', 'example.org', 443, '/', 0],
    ['example.org:8443', 'example.org', 8443, '/', 0],
    ['https://example.org', 'example.org', 443, '/', 0],
    ['https://example.org:8443/a/b?c=1#frag', 'example.org', 8443, '/a/b?c=1', 0],
    ['https://example.org?x', 'example.org', 443, '/?x', 0],
    ['192.0.2.1', '192.0.2.1', 443, '/', 4],
    ['192.0.2.1:8443', '192.0.2.1', 8443, '/', 4],
    ['::1', '::1', 443, '/', 6],
    ['[::1]', '::1', 443, '/', 6],
    ['[::1]:8443', '::1', 8443, '/', 6],
    ['https://[2001:db8::1]:444/', '2001:db8::1', 444, '/', 6],
    ['bücher.example', 'xn--bcher-kva.example', 443, '/', 0],
    ['_25._tcp.mail.example', '_25._tcp.mail.example', 443, '/', 0],
  ])('%s', (input, host, port, path, ip) => {
    const t = parseTarget(input);
    expect({ host: t.host, port: t.port, path: t.path, ip: t.ip }).toEqual({ host, port, path, ip });
  });

  it('keeps the U-label for display', () => {
    expect(parseTarget('xn--bcher-kva.example').displayHost).toBe('bücher.example');
  });
});

describe('parseTarget rejects with a one-line usage error', () => {
  it.each([
    ['', 'empty'],
    ['bad..name', 'empty label'],
    ['.', 'empty'],
    [`${'a'.repeat(64)}.example`, 'label'],
    [`${'a.'.repeat(127)}ab`, 'longer than 253'],
    ['example.org:99999', 'port'],
    ['example.org:0', 'port'],
    ['example.org:https', 'port'],
    ['ftp://example.org', 'scheme'],
    ['http://example.org', 'scheme'],
    ['exa mple.org', 'whitespace'],
    ['-bad.example', 'not allowed'],
    ['a/b', 'path'],
    ['[::1', ']'],
    ['[example.org]:443', 'IPv6'],
    ['https://user@example.org/', 'user information'],
    ['evil\u001b[31m.example', 'control'],
  ])('%j (%s)', (input) => {
    let err: unknown;
    try {
      parseTarget(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    const e = err as UsageError;
    expect(e.code).toBe('ENCSCAN_BAD_TARGET');
    expect(e.message).not.toMatch(/[\n\x1b]/);
  });
});
