// The codec pieces of the weakness probes: heartbeat lengths, the ROBOT test messages, the published
// DH groups; and fuzzing of the readers and the responder's follow-up, which take hostile bytes.
import { constants, createHash, generateKeyPairSync, getDiffieHellman, privateDecrypt, publicEncrypt } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FollowUp } from '../../src/lab/tls-responder-vulns.js';
import { FlightReader, ReplyReader } from '../../src/probes/tls/vuln/server-flight.js';
import { dhGroupPrime, knownDhGroup } from '../../src/tls/dh-groups.js';
import { encodeHeartbeatRequest, encodeHeartbeatResponse, parseHeartbeatLengths } from '../../src/tls/heartbeat.js';
import { classifyPremaster, ROBOT_VECTORS, robotPlaintext, rsaEncryptRaw } from '../../src/tls/rsa-pkcs1.js';
import { fuzz, type FuzzTarget } from '../tls/fuzz-harness.js';

const bytes = (n: number) => new Uint8Array(n).map((_, i) => (i * 37 + 11) & 0xff);

describe('heartbeat messages', () => {
  it('a request that claims more than it carries states the claim, and the parse keeps lengths only', () => {
    const req = encodeHeartbeatRequest(bytes(16), 64);
    expect(req.length).toBe(1 + 2 + 16 + 16);
    expect(parseHeartbeatLengths(req)).toEqual({ type: 1, claimedPayload: 64, messageLength: 35 });
    expect(parseHeartbeatLengths(encodeHeartbeatResponse(bytes(64)))).toEqual({ type: 2, claimedPayload: 64, messageLength: 83 });
  });

  it('a message shorter than its header is a DecodeError', () => {
    expect(() => parseHeartbeatLengths(Uint8Array.of(1, 0))).toThrow(expect.objectContaining({ code: 'ENCSCAN_TLS_TRUNCATED' }));
  });
});

describe('ROBOT test messages', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const jwk = publicKey.export({ format: 'jwk' });
  const n = new Uint8Array(Buffer.from(jwk.n!, 'base64url'));
  const e = new Uint8Array(Buffer.from(jwk.e!, 'base64url'));

  it('each vector decrypts (RSA without padding) to the shape it was built to have', () => {
    for (const vector of ROBOT_VECTORS) {
      const plain = robotPlaintext(vector, n.length, 0x0303, (k) => bytes(k).map((b) => b | 1));
      const cipher = rsaEncryptRaw(plain, n, e);
      expect(cipher.length).toBe(n.length);
      expect(Buffer.from(cipher)).toEqual(publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, plain));
      const back = new Uint8Array(privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, cipher));
      expect(classifyPremaster(back, 0x0303), vector).toBe(vector);
    }
  });

  it('property: every vector is classified as itself for any random bytes and modulus length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 512 }), fc.constantFrom(...ROBOT_VECTORS), fc.uint8Array({ minLength: 512, maxLength: 512 }), (k, vector, pool) => {
        let at = 0;
        const random = (m: number) => Uint8Array.from({ length: m }, () => pool[at++ % pool.length]!);
        expect(classifyPremaster(robotPlaintext(vector, k, 0x0301, random), 0x0301)).toBe(vector);
      }),
    );
  });
});

describe('published DH groups', () => {
  it.each([
    ['modp1', 'RFC 2409 group 1'], ['modp2', 'RFC 2409 group 2'], ['modp5', 'RFC 3526 group 5'], ['modp14', 'RFC 3526 group 14'],
    ['modp15', 'RFC 3526 group 15'], ['modp16', 'RFC 3526 group 16'], ['modp17', 'RFC 3526 group 17'], ['modp18', 'RFC 3526 group 18'],
  ])('node:crypto %s is %s', (node, name) => {
    const p = getDiffieHellman(node).getPrime();
    expect(knownDhGroup(new Uint8Array(p))).toBe(name);
    expect(knownDhGroup(new Uint8Array([0, ...p]))).toBe(name);
  });

  // SHA-256 of each prime as OpenSSL 3.0 writes it (openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdheN).
  it.each([
    [2048, '9cd3b7f336872f46c09428d1bbc19877a4d440512cda8d1c1cf0cd6e33698966'],
    [3072, '0eaf67db3a839156d5013494a5318a772b5697d270d721f37f092efc69ea5a17'],
    [4096, '4648414224ac881b3d0dc59b466f96d06a558278776807797ecf1f66ff397b3e'],
    [6144, '227ac9066b3ddd9e193670cda2388fa884f65ba0cf98b742d1fe77a6687c79c7'],
    [8192, '770b14efaf6f049929c523113b3fa99a8d11dab1b18af3609590122075d19833'],
  ])('RFC 7919 ffdhe%i matches OpenSSL', (bits, sha256) => {
    const p = dhGroupPrime(`RFC 7919 ffdhe${bits}`)!;
    expect(createHash('sha256').update(Buffer.from(p.toString(16), 'hex')).digest('hex')).toBe(sha256);
    expect(knownDhGroup(new Uint8Array(Buffer.from(p.toString(16), 'hex')))).toBe(`RFC 7919 ffdhe${bits}`);
  });

  it('a server-made prime is no published group', () => {
    expect(knownDhGroup(bytes(128))).toBeNull();
    expect(dhGroupPrime('RFC 5114 group 22')).toBeNull();
  });
});

/** A stream reader as a fuzz target: the input arrives in two chunks; an answer or "more" are both fine. */
function streamTarget(name: string, make: () => { push(chunk: Uint8Array): unknown }, seeds: Uint8Array[]): FuzzTarget {
  return {
    name,
    seeds,
    run(input) {
      const r = make();
      const cut = input.length >> 1;
      r.push(input.subarray(0, cut));
      r.push(input.subarray(cut));
      return null;
    },
  };
}

const record = (type: number, fragment: Uint8Array) => Uint8Array.from([type, 3, 3, fragment.length >> 8, fragment.length & 0xff, ...fragment]);
const SEEDS = [
  record(22, Uint8Array.from([2, 0, 0, 38, 3, 3, ...bytes(32), 0, 0, 0x2f, 0, 14, 0, 0, 0])),
  record(21, Uint8Array.of(2, 10)),
  record(24, encodeHeartbeatRequest(bytes(16), 64)),
  record(20, Uint8Array.of(1)),
  record(22, Uint8Array.from([16, 0, 0, 4, 0, 2, 1, 2])),
];

describe('fuzzing the readers and the responder follow-up (2,000 cases each)', () => {
  it.each([
    streamTarget('FlightReader', () => new FlightReader(), SEEDS),
    streamTarget('ReplyReader', () => new ReplyReader(), SEEDS),
    streamTarget('FollowUp', () => new FollowUp({ heartbleed: true, earlyCcs: true, rsa: 'oracle' }, 0x0303), SEEDS),
  ].map((t) => [t.name, t] as const))('%s: only ENCSCAN_TLS_* DecodeErrors, no hang', (_, target) => {
    const r = fuzz(target, 2_000, 0x5eed);
    expect(r.failures).toEqual([]);
    expect(r.accepted).toBeGreaterThan(0);
    expect(r.rejected).toBeGreaterThan(0);
    expect(r.maxMs).toBeLessThan(1_000);
  });
});
