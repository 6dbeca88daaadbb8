import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Procedure tests open real SQLite files; scrypt seeding is CPU-bound, so give them time.
    testTimeout: 30_000,
  },
});
