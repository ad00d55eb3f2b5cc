import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { slowFilesFirst } from './test/fileOrder.js'
import { WORKER_TESTS_THAT_MOCK } from './test/sharedModuleGraphs.js'

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

/**
 * Workers for the node and worker projects. vitest's default is one fewer than the cores, which on the 2-core machines
 * this suite runs on (the dev box, CI) is one: every file ran after the other with a core idle. Their files are
 * single-threaded or wait on a child process, so two at a time use both cores. The e2e files run after them, one at a
 * time (`sequence.groupOrder`): each starts wrangler, workerd and Chromium, and asserts latencies a second file
 * training beside it would spoil. Two e2e files at a time were tried (session 6, the latency files still alone): at a
 * load average of 11 the e2e files took 230 s either way, and 230 s of CPU against 164 s one at a time (their servers
 * and browsers poll while they wait, so a stretched file costs more), so they stay one at a time.
 */
export const FILE_WORKERS = 2

/**
 * A project of worker tests: the real worker inside workerd (@cloudflare/vitest-pool-workers). Most files share one
 * module graph and storage (test/sharedModuleGraphs.ts says which do not, and why).
 */
function workerProject(name: string, files: { include: string[]; exclude?: string[]; isolate: boolean }) {
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        // Job slices wait for the test to run their alarms (runDurableObjectAlarm) instead of firing on their own.
        miniflare: { bindings: { JOB_SLICE_DELAY_MS: '3600000' } },
      }),
    ],
    test: {
      name,
      include: files.include,
      exclude: [...(files.exclude ?? []), '**/node_modules/**'],
      isolate: files.isolate,
      maxWorkers: FILE_WORKERS,
      sequence: { groupOrder: 0 },
      // A request that trains (and its first wasm start) takes seconds on a loaded 2-core machine.
      testTimeout: 60_000,
    },
  }
}

export default defineConfig({
  test: {
    // Where vitest has no durations from an earlier run (a fresh clone: CI), the files that train start first.
    sequence: { sequencer: slowFilesFirst(TESTS_THAT_TRAIN) },
    projects: [
      {
        test: {
          name: 'node',
          include: NODE_TESTS,
          testTimeout: 60_000,
          maxWorkers: FILE_WORKERS,
          sequence: { groupOrder: 0 },
          // Files share one module graph per worker (as in vitest.unit.config.ts): core, its wasm and tfjs load once per
          // worker, not once per file (the import phase was ~1 s a file). No node test mocks or keeps global state.
          isolate: false,
          // The analyses several files read (test/core/analysis/analysisCase.ts, sharedAnalysis) are trained once per
          // run, in a folder this setup makes and removes.
          globalSetup: ['test/sharedAnalyses/globalSetup.ts'],
        },
      },
      workerProject('worker', { include: ['test/worker/**/*.test.ts'], exclude: WORKER_TESTS_THAT_MOCK, isolate: false }),
      workerProject('worker-mocks', { include: WORKER_TESTS_THAT_MOCK, isolate: true }),
      {
        // The web client in Debian's Chromium against `wrangler dev` (test/e2e/); skipped, saying why, without
        // /usr/bin/chromium outside CI. Needs the build (`npm test` builds first).
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
