import { defineConfig } from 'vitest/config';

// Interop suite: real servers (nginx, curl, ...) started on loopback by the tests themselves.
export default defineConfig({
  test: {
    include: ['test/interop/**/*.test.ts'],
    setupFiles: ['test/support/network-guard-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
