import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // No DNS query ever leaves the machine during tests (see the file).
    setupFiles: ['test/support/no-dns.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Real sockets and real Postgres: keep the 2-core machine responsive.
    maxWorkers: 2,
  },
});
