import { configDefaults, defineConfig } from 'vitest/config';
import { TIMING_TESTS } from './test/timing-tests';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...TIMING_TESTS],
    environment: 'node',
    // Real SQLite files and MJML compiles: give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
