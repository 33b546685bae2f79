// One crafted exchange on one fresh connection: send bytes, feed what comes back to a reader until it
// has an answer, then close. Everything that can go wrong becomes a result, never an exception:
// a close or reset before an answer is how many servers refuse, so it is an answer of its own.
import { withTimeout } from '../../engine/budget.js';
import type { Connector } from '../../engine/connector.js';
import { DecodeError, errorCode, errorMessage, type ErrorCode } from '../../engine/errors.js';

export interface Endpoint {
  connector: Connector;
  address: string;
  port: number;
  signal?: AbortSignal;
}

/** Consumes the server's bytes as they arrive: a value when the answer is complete, null for "more". Throws DecodeError. */
export interface AnswerReader<T> {
  push(chunk: Uint8Array): T | null;
}

export type ExchangeResult<T> =
  | { kind: 'answer'; value: T }
  | { kind: 'closed' }
  | { kind: 'failed'; code: ErrorCode; detail: string };

/** No answer to a hello needs more than this (certificate chains included). */
const MAX_ANSWER_BYTES = 512 * 1024;

export async function exchange<T>(ep: Endpoint, payload: Uint8Array, reader: AnswerReader<T>): Promise<ExchangeResult<T>> {
  let socket;
  try {
    socket = await ep.connector.probe(ep.address, ep.port, ep.signal);
  } catch (err) {
    return failed(err);
  }
  const s = socket;
  try {
    return await withTimeout(ep.connector.timeoutMs, ep.signal, `hello to ${ep.address}:${ep.port}`, () =>
      new Promise<ExchangeResult<T>>((resolve) => {
        let received = 0;
        s.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_ANSWER_BYTES) {
            resolve(failed(new DecodeError(`answer exceeds ${MAX_ANSWER_BYTES} bytes`, 'ENCSCAN_TLS_RECORD_OVERFLOW')));
            return;
          }
          try {
            const value = reader.push(new Uint8Array(chunk));
            if (value !== null) {
              ep.connector.answered(ep.address, ep.port);
              resolve({ kind: 'answer', value });
            }
          } catch (err) {
            resolve(failed(err));
          }
        });
        s.once('end', () => resolve({ kind: 'closed' }));
        s.once('close', () => resolve({ kind: 'closed' }));
        s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNRESET' || err.code === 'EPIPE' ? { kind: 'closed' } : failed(err)));
        s.write(payload);
      }),
    );
  } catch (err) {
    if (errorCode(err) === 'ENCSCAN_TIMEOUT') ep.connector.noteTimeout(ep.address, ep.port);
    return failed(err);
  } finally {
    s.destroy();
  }
}

function failed(err: unknown): { kind: 'failed'; code: ErrorCode; detail: string } {
  return { kind: 'failed', code: errorCode(err), detail: errorMessage(err).split('\n')[0]!.slice(0, 200) };
}
