import { defineConfig } from 'vitest/config';

const jsx = { jsx: { runtime: 'automatic', importSource: 'preact' } } as const;

export default defineConfig({
  oxc: jsx,
  test: {
    projects: [
      {
        oxc: jsx,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.{ts,tsx}', 'test/bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        oxc: jsx,
        test: {
          name: 'dom',
          include: [
            'test/widget/**/*.test.{ts,tsx}',
            'test/landing/**/*.test.{ts,tsx}',
            'test/dashboard/**/*.test.{ts,tsx}',
          ],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
