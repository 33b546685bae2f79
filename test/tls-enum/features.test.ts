import { describe, expect, it } from 'vitest';
import { Connector } from '../../src/engine/connector.js';
import { startTlsResponder } from '../../src/lab/tls-responder.js';
import type { TlsPolicy } from '../../src/lab/tls-responder-answer.js';
import { enumerateTls } from '../../src/probes/tls/enumerate.js';
import { probeFeatures } from '../../src/probes/tls/features.js';

const ECDHE_12 = [0xc02f, 0xc02b, 0xc030];
const ALL_ECHOES = [23, 22, 35, 5, 15, 1];
// A SerializedSCT: version 0, a log id of 32 × 0x11, timestamp 1700000000000 ms, no extensions, a short signature.
const SCT = Uint8Array.from([0, ...new Array<number>(32).fill(0x11), ...Buffer.from('0000018bcfe56800', 'hex'), 0, 0, 4, 3, 0, 2, 0xab, 0xcd]);

async function features(policy: TlsPolicy) {
  const responder = await startTlsResponder(policy);
  try {
    const connector = new Connector({ maxConnections: 4, timeoutMs: 3000 });
    const target = { connector, address: '127.0.0.1', port: responder.port, sni: 'lab.example.test' };
    const { protocols } = await enumerateTls(target);
    const before = responder.connections;
    const found = await probeFeatures(target, protocols);
    expect(found.connections).toBe(responder.connections - before);
    return found;
  } finally {
    await responder.close();
  }
}

const tls12 = (f: TlsPolicy['features'], suites = ECDHE_12): TlsPolicy => ({
  versions: ['TLSv1.2'],
  suites: { 'TLSv1.2': suites },
  serverOrder: true,
  groups: [29, 23],
  features: f,
});

describe('server features from crafted hellos', () => {
  it('TLS 1.2: echoed extensions, SCTs, ALPN and signature schemes in the server order', async () => {
    const f = await features(tls12({ alpn: ['h2', 'http/1.1'], echo: ALL_ECHOES, scts: [SCT], signatureSchemes: [0x0804, 0x0401, 0x0403] }));
    expect(f.extensions!.echoed.map((e) => e.code).sort((a, b) => a - b)).toEqual([1, 5, 11, 15, 16, 18, 22, 23, 35, 0xff01]);
    expect(f.extensions!.echoed.find((e) => e.code === 23)!.name).toBe('extended_master_secret');
    expect(f.sctList).toEqual([{ logId: Buffer.alloc(32, 0x11).toString('base64'), timestamp: 1_700_000_000_000, sct: Buffer.from(SCT).toString('base64') }]);
    expect(f.alpn).toEqual({ selected: 'h2', protocols: [{ name: 'h2', accepted: true }, { name: 'http/1.1', accepted: true }], via: 'server-hello' });
    expect(f.signatureSchemes).toMatchObject({ version: 'TLSv1.2', method: 'server-key-exchange', error: null });
    expect(f.signatureSchemes!.schemes.map((s) => s.code)).toEqual([0x0804, 0x0401, 0x0403]);
    // Σ(accepted + 1) for the schemes, one more for ALPN.
    expect(f.connections).toBe(5);
  });

  it('ALPN: http/1.1 only, then none at all', async () => {
    const h1 = await features(tls12({ alpn: ['http/1.1'] }));
    expect(h1.alpn).toEqual({ selected: 'http/1.1', protocols: [{ name: 'h2', accepted: false }, { name: 'http/1.1', accepted: true }], via: 'server-hello' });
    const none = await features(tls12({}));
    expect(none.alpn!.selected).toBeNull();
    expect(none.alpn!.protocols.map((p) => p.accepted)).toEqual([false, false]);
    expect(none.sctList).toEqual([]);
    expect(none.extensions!.echoed.map((e) => e.code).sort((a, b) => a - b)).toEqual([11, 0xff01]);
  });

  it('static RSA key exchange shows no signature scheme, but still the echoes', async () => {
    const f = await features(tls12({ echo: [23] }, [0x002f, 0x009c]));
    expect(f.signatureSchemes).toBeUndefined();
    expect(f.extensions!.echoed.map((e) => e.code)).toContain(23);
  });

  it('TLS 1.3 only: signature schemes by handshake_failure, one hello each; nothing else is visible', async () => {
    const f = await features({ versions: ['TLSv1.3'], suites: { 'TLSv1.3': [0x1301] }, serverOrder: true, groups: [29], features: { signatureSchemes: [0x0804, 0x0403] } });
    expect(f.signatureSchemes).toMatchObject({ version: 'TLSv1.3', method: 'handshake-failure', error: null });
    expect(f.signatureSchemes!.schemes.map((s) => s.name)).toEqual(['ecdsa_secp256r1_sha256', 'rsa_pss_rsae_sha256']);
    expect(f.alpn).toBeUndefined();
    expect(f.extensions).toBeUndefined();
    expect(f.connections).toBe(11);
  });
});
