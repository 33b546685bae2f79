import { describe, expect, it } from 'vitest';
import { formatIpBytes, matchesHostname, normaliseIp } from '../../src/pki/hostname.js';

const dns = (...names: string[]) => ({ dns: names, ip: [] });
const ip = (...addresses: string[]) => ({ dns: [], ip: addresses });

describe('matchesHostname', () => {
  it.each([
    ['exact', dns('example.com'), 'example.com', true],
    ['case-insensitive', dns('Example.COM'), 'eXample.com', true],
    ['trailing dot on host', dns('example.com'), 'example.com.', true],
    ['trailing dot on SAN', dns('example.com.'), 'example.com', true],
    ['other name', dns('example.com'), 'example.org', false],
    ['subdomain is not apex', dns('example.com'), 'www.example.com', false],
    ['second of several SANs', dns('a.example', 'b.example'), 'b.example', true],
    ['wildcard one label', dns('*.example.com'), 'a.example.com', true],
    ['wildcard case', dns('*.EXAMPLE.com'), 'A.example.COM', true],
    ['wildcard not apex', dns('*.example.com'), 'example.com', false],
    ['wildcard not two labels', dns('*.example.com'), 'a.b.example.com', false],
    ['partial wildcard', dns('f*.example.com'), 'foo.example.com', false],
    ['suffix wildcard', dns('*o.example.com'), 'foo.example.com', false],
    ['wildcard in inner label', dns('www.*.example.com'), 'www.a.example.com', false],
    ['wildcard over TLD', dns('*.com'), 'example.com', false],
    ['bare wildcard', dns('*'), 'example', false],
    ['two wildcards', dns('*.*.example.com'), 'a.b.example.com', false],
    ['wildcard vs A-label', dns('*.example.com'), 'xn--bcher-kva.example.com', false],
    ['exact A-label', dns('xn--bcher-kva.example.com'), 'XN--BCHER-KVA.example.com', true],
    ['wildcard over A-label parent', dns('*.xn--bcher-kva.example'), 'www.xn--bcher-kva.example', true],
    ['empty host', dns('example.com'), '', false],
    ['IPv4 exact', ip('192.0.2.1'), '192.0.2.1', true],
    ['IPv4 other', ip('192.0.2.1'), '192.0.2.2', false],
    ['IPv4 never matches dNSName', dns('192.0.2.1'), '192.0.2.1', false],
    ['IPv6 compressed vs full', ip('2001:db8::1'), '2001:0DB8:0:0:0:0:0:1', true],
    ['IPv6 bracketed', ip('::1'), '[::1]', true],
    ['IPv6 other', ip('2001:db8::1'), '2001:db8::2', false],
    ['IPv4-mapped is not IPv4', ip('192.0.2.1'), '::ffff:192.0.2.1', false],
    ['name never matches iPAddress', ip('192.0.2.1'), 'example.com', false],
    ['no SAN', dns(), 'example.com', false],
  ])('%s', (_, san, host, want) => {
    expect(matchesHostname(san, host)).toBe(want);
  });
});

describe('IP text', () => {
  it('normalises per RFC 5952', () => {
    expect(normaliseIp('2001:DB8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(normaliseIp('[::1]')).toBe('::1');
    expect(normaliseIp('10.0.0.1')).toBe('10.0.0.1');
    expect(normaliseIp('010.0.0.1')).toBeNull();
    expect(normaliseIp('example.com')).toBeNull();
  });

  it('formats SAN octets', () => {
    expect(formatIpBytes(new Uint8Array([127, 0, 0, 1]))).toBe('127.0.0.1');
    expect(formatIpBytes(new Uint8Array([0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 1]))).toBe('2001:db8::1');
    expect(formatIpBytes(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
