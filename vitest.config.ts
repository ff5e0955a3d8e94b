import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure logic in lib/ (and DOM extraction on fixture DOM, using happy-dom per file:
// `// @vitest-environment happy-dom`). End-to-end tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Passphrase tests run PBKDF2 at its real 600,000 iterations several times: a loaded 2-core machine needs
    // more than vitest's 5 s default. A budget, not a wait: passing tests end as soon as they are done.
    testTimeout: 30_000,
  },
});
