import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // The second reporter says which outside programs (hugo, jekyll) were missing and cost skipped tests.
    reporters: ['default', './tests/helpers/outside-programs-reporter.ts'],
    testTimeout: 30_000,
    // Vitest's default leaves a core idle: one worker on a 2-core machine. Most files spend much of their
    // time waiting on local servers, child processes and retry timers, so one worker more than cores
    // keeps every core busy.
    maxWorkers: availableParallelism() + 1,
  },
});
