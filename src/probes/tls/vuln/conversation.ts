// A crafted exchange of several steps on one connection: send, read until a reader has its answer,
// send again. The weakness probes need this (a heartbeat or an early ChangeCipherSpec goes after the
// server's first flight). Like exchange.ts, every outcome is a value: an answer, a close, silence
// until the deadline, or a failure with its code.
import { withTimeout } from '../../../engine/budget.js';
import { DecodeError, errorCode, errorMessage, type ErrorCode } from '../../../engine/errors.js';
import type { AnswerReader, Endpoint } from '../exchange.js';
import type net from 'node:net';

export type Step<T> = { kind: 'answer'; value: T } | { kind: 'closed' } | { kind: 'silent' } | { kind: 'failed'; code: ErrorCode; detail: string };

/** No answer a weakness probe waits for is longer than this. */
const MAX_ANSWER_BYTES = 512 * 1024;

export class Conversation {
  private chunks: Uint8Array[] = [];
  private ended = false;
  private wake: (() => void) | null = null;
  private received = 0;

  private constructor(
    private readonly socket: net.Socket,
    private readonly ep: Endpoint,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      this.chunks.push(new Uint8Array(chunk));
      this.wake?.();
    });
    const end = (): void => {
      this.ended = true;
      this.wake?.();
    };
    socket.once('end', end);
    socket.once('close', end);
    socket.on('error', end);
  }

  /** Opens a connection through the endpoint's connector; a failure to connect is a failed step. */
  static async open(ep: Endpoint): Promise<Conversation | { kind: 'failed'; code: ErrorCode; detail: string }> {
    try {
      return new Conversation(await ep.connector.tcp(ep.address, ep.port, ep.signal), ep);
    } catch (err) {
      return failed(err);
    }
  }

  send(bytes: Uint8Array): void {
    if (!this.ended) this.socket.write(bytes);
  }

  /**
   * Feeds what the server sends to `reader` until it answers. `quietMs` bounds the wait (the
   * connector's timeout at most); silence then is a result, not a timeout of the endpoint.
   */
  async read<T>(reader: AnswerReader<T>, quietMs = this.ep.connector.timeoutMs): Promise<Step<T>> {
    const wait = Math.min(quietMs, this.ep.connector.timeoutMs);
    try {
      return await withTimeout(wait, this.ep.signal, `weakness probe ${this.ep.address}:${this.ep.port}`, () => this.pump(reader));
    } catch (err) {
      const code = errorCode(err);
      return code === 'ENCSCAN_TIMEOUT' ? { kind: 'silent' } : failed(err);
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private async pump<T>(reader: AnswerReader<T>): Promise<Step<T>> {
    for (;;) {
      if (this.received > MAX_ANSWER_BYTES) return failed(new DecodeError(`answer exceeds ${MAX_ANSWER_BYTES} bytes`, 'ENCSCAN_TLS_RECORD_OVERFLOW'));
      for (let chunk = this.chunks.shift(); chunk; chunk = this.chunks.shift()) {
        try {
          const value = reader.push(chunk);
          if (value !== null) return { kind: 'answer', value };
        } catch (err) {
          return failed(err);
        }
      }
      if (this.ended) return { kind: 'closed' };
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }
}

function failed(err: unknown): { kind: 'failed'; code: ErrorCode; detail: string } {
  return { kind: 'failed', code: errorCode(err), detail: errorMessage(err).split('\n')[0]!.slice(0, 200) };
}
