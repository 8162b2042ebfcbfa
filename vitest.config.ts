import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // tmpfs-setup first: the e2e bin folder is made in the temporary folder it sets.
    globalSetup: ['test/tmpfs-setup.ts', 'test/e2e/global-setup.ts'],
    // Two cores here and in CI, but one worker per core left them idle over half the time (waits on child processes,
    // sockets and scaled windows): a third worker fills those gaps. Measured on this 2-core machine at load ~2-7:
    // 95.6 s with 3 workers against 105.7 s with 2, CPU time about the same; the whole suite passed three runs in a
    // row with 3.
    maxWorkers: 3,
    // Files share one module graph per worker instead of re-importing it each: the sandbox's Shopify schema (about
    // half a second of CPU to build) and the CLI's modules load once per worker, not once per file, which more
    // than halves the suite's CPU time. This holds because the code keeps no per-run state at module level (the
    // caches there are pure), no test mocks modules or stubs globals, and main() restores the exit code and the
    // signal listeners it set. A test that needs vi.mock, vi.stubGlobal or fresh module state must restore it in
    // afterEach/afterAll, or move to a project with isolate: true. `npx vitest run --sequence.shuffle.files`
    // surfaces a file that depends on another's leftovers (docs/house-style.md#12-four-test-tiers).
    isolate: false,
  },
});
