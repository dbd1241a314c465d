/**
 * Tests whose judgement is a latency or a cost ratio (the host answers within
 * 100 ms while a runaway template renders; a refresh on a million customers). They run on their own, after the rest
 * (vitest.timing.config.mts), so other test files competing for the two cores
 * cannot make them flaky.
 */
export const TIMING_TESTS = ['test/contract/never-freezes.test.ts', 'test/contract/preview-scale.test.ts'];
