import { defineConfig } from 'vitest/config';

// Files that drive Chromium (and the astro builds some of them need). They run after the rest,
// one at a time: on a 2-core machine two browsers plus a build starve each other's timers, and
// a CMS page that takes 30 s to open under that load is a flaky test, not a slow product.
const BROWSER_FILES = [
  'tests/cms/admin.test.ts',
  'tests/cms/appraisal.test.ts',
  'tests/cms/day.test.ts',
  'tests/cms/evidence-browser.test.ts',
  'tests/cms/perf.test.ts',
  'tests/portal/e2e.test.ts',
  'tests/site/dev-search.test.ts',
  'tests/site/site-fixture.test.ts',
  'tests/site/site-sample.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Forks keep native git, child servers and Chromium isolated per file.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: BROWSER_FILES, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'browser', include: BROWSER_FILES, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
