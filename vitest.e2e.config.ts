import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (.output/) in real Chromium and Firefox ESR. One file at a
// time: two browsers at once on a 2-core CI machine only make both slower and flakier.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
