import { defineConfig } from 'vitest/config';

// Real Chromium (Debian's /usr/bin/chromium, driven by playwright-core) against the built bundles.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.{ts,tsx}'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
