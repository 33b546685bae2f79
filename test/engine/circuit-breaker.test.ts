// The circuit breaker's half-open state, on a fake clock.
import { expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/engine/budget.js';
import { errorCode } from '../../src/engine/errors.js';

const code = (f: () => void): string | undefined => {
  try {
    f();
    return undefined;
  } catch (err) {
    return errorCode(err);
  }
};

it('opens after 3 timeouts, lets one trial through per cool-down, and closes on an answer', () => {
  let t = 0;
  const b = new CircuitBreaker(3, 30_000, () => t);
  for (let i = 0; i < 3; i++) b.timedOut('a');
  expect(code(() => b.check('a'))).toBe('ENCSCAN_CIRCUIT_OPEN');
  expect(code(() => b.check('b'))).toBeUndefined();
  t = 30_000;
  expect(code(() => b.check('a'))).toBeUndefined(); // the trial
  expect(code(() => b.check('a'))).toBe('ENCSCAN_CIRCUIT_OPEN'); // everyone else still waits
  b.timedOut('a');
  t = 45_000;
  expect(code(() => b.check('a'))).toBe('ENCSCAN_CIRCUIT_OPEN'); // the trial timed out: a new cool-down
  t = 60_000;
  expect(code(() => b.check('a'))).toBeUndefined();
  b.succeeded('a');
  expect(code(() => b.check('a'))).toBeUndefined();
  expect(code(() => b.check('a'))).toBeUndefined();
});
