import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser and build tests share the 2 cores; forks keep native git and Chromium isolated.
    pool: 'forks',
    maxWorkers: 2,
  },
});
