import { describe, expect, it } from 'vitest';
import { encodeAlert, parseAlert } from '../../src/tls/alert.js';
import { parseServerHelloDone } from '../../src/tls/server-hello-done.js';
import { hex, illustratedRecord } from './corpora.js';

describe('alerts', () => {
  it.each([
    [[1, 0], 'warning', 'close_notify'],
    [[2, 40], 'fatal', 'handshake_failure'],
    [[2, 70], 'fatal', 'protocol_version'],
    [[2, 86], 'fatal', 'inappropriate_fallback'],
    [[2, 112], 'fatal', 'unrecognized_name'],
    [[2, 200], 'fatal', null],
    [[3, 40], null, 'handshake_failure'],
  ] as const)('%j → %s %s', (bytes, level, name) => {
    const alert = parseAlert(Uint8Array.from(bytes));
    expect([alert.level, alert.levelName, alert.description, alert.descriptionName]).toEqual([bytes[0], level, bytes[1], name]);
    expect([...encodeAlert(alert)]).toEqual([...bytes]);
  });

  it('reads the Illustrated TLS 1.2 close_notify (decrypted fields)', () => {
    const r = illustratedRecord('tls1.2', 'Client Close Notify');
    const field = (l: string) => r.fields.find((f) => f.label === l)!.hex;
    expect(parseAlert(hex(field('Alert Level') + field('Alert Type')))).toEqual({ level: 1, levelName: 'warning', description: 0, descriptionName: 'close_notify' });
  });

  it.each([[[2], 'ENCSCAN_TLS_TRUNCATED'], [[2, 40, 0], 'ENCSCAN_TLS_TRAILING_BYTES']])('%j fails with %s', (bytes, code) => {
    expect(() => parseAlert(Uint8Array.from(bytes))).toThrow(expect.objectContaining({ code }));
  });
});

describe('ServerHelloDone', () => {
  it('has an empty body', () => {
    expect(parseServerHelloDone(new Uint8Array(0))).toBeUndefined();
    expect(() => parseServerHelloDone(Uint8Array.of(0))).toThrow(expect.objectContaining({ code: 'ENCSCAN_TLS_TRAILING_BYTES' }));
  });
});
