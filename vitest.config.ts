import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 60_000,
    // Set-up and clean-up hooks index or delete whole archives; on a loaded machine 10 s is not enough.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
