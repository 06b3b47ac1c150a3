import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Real SQLite files and sockets: isolate per file, keep the 2-core machine busy but not thrashing.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // expect.poll waits for a state; 1 s (vitest's default) is an instant on a loaded 2-core machine.
    expect: { poll: { timeout: 5_000 } },
    setupFiles: ['test/setup.ts'],
  },
});
