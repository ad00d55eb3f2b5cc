import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

/** The node project: everything that runs in plain Node (generators, core, the CLI, plots, docs, architecture). */
export const NODE_TESTS = [
  'test/assembly/**/*.test.ts',
  'test/core/**/*.test.ts',
  'test/client/**/*.test.ts',
  'test/docs/**/*.test.ts',
  'test/architecture/**/*.test.ts',
]

/**
 * Node tests that train a VAE or run the built CLI as a process: left out of the fast tier (`npm run test:unit`,
 * vitest.unit.config.ts). Each trains or spawns; everything else in NODE_TESTS is quick.
 */
export const TESTS_THAT_TRAIN = [
  'test/client/cliAnalyze.test.ts',
  'test/client/cliGenerate.test.ts',
  'test/client/cliHostile.test.ts',
  'test/client/cliInputs.test.ts',
  'test/client/cliMessages.test.ts',
  'test/client/cliOutputs.test.ts',
  'test/client/cliReproduce.test.ts',
  'test/client/cliScan.test.ts',
  'test/core/analysis/determinism.test.ts',
  'test/core/analysis/paperDatasets.test.ts',
  'test/core/analysis/pipeline.test.ts',
  'test/core/io/equivalence.test.ts',
  'test/core/linearToy.test.ts',
  'test/core/symmetries/alignment.test.ts',
  'test/core/vae/countStability.test.ts',
  'test/core/vae/resume.test.ts',
  'test/core/vae/sameScience.test.ts',
  'test/core/vae/stoppingRule.test.ts',
  'test/core/vae/tfjsReference.test.ts',
  'test/core/vae/threadFailure.test.ts',
  'test/core/vae/threads.test.ts',
  'test/docs/examples.test.ts',
  'test/docs/readme.test.ts',
]

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: NODE_TESTS,
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
