// The SVCB/HTTPS codec against ldns (ldns-read-zone): ldns turns presentation form into wire form, which
// encscan must decode to the same parameters and re-encode byte for byte; and ldns must read what
// encscan encodes back into the same presentation form.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSvcb, encodeSvcb, type SvcbRecord } from '../../src/dns/svcb.js';
import { requireTool } from '../support/require-tool.js';

const CASES: Array<[string, SvcbRecord]> = [
  ['0 cdn.example.', { priority: 0, target: 'cdn.example.', params: {} }],
  ['1 . alpn=h2,h3 port=8443', { priority: 1, target: '.', params: { alpn: ['h2', 'h3'], port: 8443 } }],
  [
    '2 svc.example. ipv4hint=192.0.2.1,192.0.2.2 ech=AEX+DQBB ipv6hint=2001:db8::1,2001:db8::53:1',
    { priority: 2, target: 'svc.example.', params: { ipv4hint: ['192.0.2.1', '192.0.2.2'], ech: 'AEX+DQBB', ipv6hint: ['2001:db8::1', '2001:db8::53:1'] } },
  ],
  [
    '16 . mandatory=alpn,port alpn=h2 no-default-alpn port=443 key667=hello',
    { priority: 16, target: '.', params: { mandatory: ['alpn', 'port'], alpn: ['h2'], noDefaultAlpn: true, port: 443, other: [{ key: 'key667', value: '68656c6c6f' }] } },
  ],
  ['1 . alpn=h2 dohpath=/dns-query{?dns}', { priority: 1, target: '.', params: { alpn: ['h2'], dohpath: '/dns-query{?dns}' } }],
];

/** Runs ldns-read-zone over one-record zone lines and returns the printed RR lines. */
function ldnsRead(lines: string[], args: string[] = []): string[] {
  const tool = requireTool('ldns-read-zone', 'ldnsutils');
  const file = join(mkdtempSync(join(tmpdir(), 'encscan-svcb-')), 'zone.txt');
  writeFileSync(file, ['svc.test. 3600 IN SOA ns.svc.test. h.svc.test. 1 7200 900 1209600 300', ...lines].join('\n') + '\n');
  const r = spawnSync(tool, ['-n', ...args, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n');
}

describe('SVCB codec against ldns', () => {
  it('decodes what ldns encodes, and re-encodes it byte for byte', () => {
    const out = ldnsRead(CASES.map(([text], i) => `r${i}.svc.test. 300 IN HTTPS ${text}`), ['-u', 'HTTPS']);
    expect(out).toHaveLength(CASES.length);
    out.forEach((line, i) => {
      const hex = /\\# \d+ ([0-9a-f]+)$/.exec(line)?.[1];
      expect(hex, line).toBeDefined();
      const wire = Uint8Array.from(Buffer.from(hex!, 'hex'));
      expect(decodeSvcb(wire)).toEqual(CASES[i]![1]);
      expect(Buffer.from(encodeSvcb(CASES[i]![1])).toString('hex')).toBe(hex);
    });
  });

  it('ldns reads what encscan encodes as the same presentation form', () => {
    const out = ldnsRead(CASES.map(([, rec], i) => {
      const wire = Buffer.from(encodeSvcb(rec));
      return `r${i}.svc.test. 300 IN TYPE65 \\# ${wire.length} ${wire.toString('hex')}`;
    }));
    expect(out.map((line) => line.split('\t').slice(3))).toEqual(CASES.map(([text]) => ['HTTPS', text]));
  });
});
