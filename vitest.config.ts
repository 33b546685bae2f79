import { defineConfig } from 'vitest/config';

// Hermetic suite: loopback only, no root, no system packages.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'checks/**/*.test.ts'],
    exclude: ['test/interop/**', 'dist/**', 'node_modules/**'],
    setupFiles: ['test/support/network-guard-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
