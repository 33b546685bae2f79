// The readers of server answers take untrusted bytes: random and mutated input, split at random
// points, may only produce an answer, "need more", or a DecodeError — never another exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DecodeError } from '../../src/engine/errors.js';
import { HelloAnswerReader } from '../../src/probes/tls/hello-answer.js';
import { Ssl2AnswerReader } from '../../src/probes/tls/ssl2-answer.js';
import { answerTls, type TlsPolicy } from '../../src/lab/tls-responder-answer.js';
import { parseClientHello } from '../../src/tls/client-hello.js';
import { buildClientHello } from '../../src/tls/client-hello-builder.js';

const POLICY: TlsPolicy = {
  versions: ['TLSv1.2'],
  suites: { 'TLSv1.2': [0xc02f, 0x0033, 0x0003, 0x0018] },
  serverOrder: true,
  groups: [23],
};

/** A real answer to mutate: ServerHello, Certificate, ServerKeyExchange, ServerHelloDone. */
function seed(suite: number): Uint8Array {
  const hello = buildClientHello({ version: 'TLSv1.2', random: new Uint8Array(32), cipherSuites: [suite], supportedGroups: [23] });
  return answerTls(POLICY, parseClientHello(hello.message.subarray(4)))!;
}
const SEEDS = [0xc02f, 0x0033, 0x0003, 0x0018].map(seed);

function feed(reader: { push(c: Uint8Array): unknown }, bytes: Uint8Array, cuts: number[]): void {
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
    try {
      if (reader.push(bytes.subarray(at, Math.max(at, cut))) !== null) return;
    } catch (err) {
      expect(err).toBeInstanceOf(DecodeError);
      return;
    }
    at = Math.max(at, cut);
  }
}

const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }))
  .map(([s, edits]) => {
    const b = Uint8Array.from(s);
    for (const [i, v] of edits) b[i % b.length] = v;
    return b;
  });
const input = fc.oneof(fc.uint8Array({ maxLength: 600 }), mutated);
const cuts = fc.array(fc.nat(), { maxLength: 4 });

describe('answer readers on hostile bytes', () => {
  it('the seeds themselves parse to the chosen suite and curve', () => {
    const r = new HelloAnswerReader('key-exchange').push(SEEDS[0]!);
    expect(r).toMatchObject({ kind: 'server-hello', hello: { cipherSuite: 0xc02f }, keyExchange: { kind: 'ecdhe', group: 23 } });
  });

  it.each(['server-hello', 'key-exchange'] as const)('TLS reader (%s) throws only DecodeError', (until) => {
    fc.assert(fc.property(input, cuts, (bytes, c) => feed(new HelloAnswerReader(until), bytes, c)), { numRuns: 3000 });
  });

  it('SSLv2 reader throws only DecodeError', () => {
    fc.assert(fc.property(input, cuts, (bytes, c) => feed(new Ssl2AnswerReader(), bytes, c)), { numRuns: 3000 });
  });
});
