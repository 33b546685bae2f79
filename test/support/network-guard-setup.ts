import { afterAll, expect } from 'vitest';
import { violations } from './network-guard.mjs';

afterAll(() => {
  expect(violations).toEqual([]);
});
