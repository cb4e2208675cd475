import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests import the compiled `lib/` (built by `pretest`) or `src/` directly; both are fine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default leaves one core idle (one worker on a 2-core CI runner); the suite is
    // mostly child processes and files, and runs in about 8 instead of 11 minutes on two.
    maxWorkers: '100%',
  },
});
