import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/assembly/**/*.test.ts', 'test/core/**/*.test.ts', 'test/client/**/*.test.ts', 'test/docs/**/*.test.ts', 'test/architecture/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // Job slices wait for the test to run their alarms (runDurableObjectAlarm) instead of firing on their own.
            miniflare: { bindings: { JOB_SLICE_DELAY_MS: '3600000' } },
          }),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          // A request that trains (and its first wasm start) takes seconds on a loaded 2-core machine.
          testTimeout: 60_000,
        },
      },
      {
        // The web client in Debian's Chromium against `wrangler dev` (test/e2e/); skipped, saying why, without
        // /usr/bin/chromium outside CI. Needs the build (`npm test` builds first).
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
