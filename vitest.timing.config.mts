import { defineConfig } from 'vitest/config';
import { TIMING_TESTS } from './test/timing-tests';

/** The latency tests, alone on the machine: one file at a time, nothing else running. */
export default defineConfig({
  test: {
    include: TIMING_TESTS,
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
