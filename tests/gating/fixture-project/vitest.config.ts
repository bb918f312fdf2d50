// A tiny project run by outside-programs.test.ts with a PATH of its choosing: hugo there, or not.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite's cache goes to the caller's temp folder, not into the repository.
  cacheDir: process.env.FIXTURE_CACHE_DIR,
  test: {
    include: ['*.spec.ts'],
    reporters: [
      'default',
      '../../helpers/outside-programs-reporter.ts',
      ['json', { outputFile: process.env.FIXTURE_REPORT }],
    ],
  },
});
