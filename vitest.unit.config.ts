// `npm run test:unit`: the fast tier. The node project's tests less those that train a VAE, run the CLI as a process
// or start a server (the worker and e2e projects are left out whole); under a minute on a shared 2-core machine.
// `npm test` still runs everything (vitest.config.ts). A new test file joins this tier unless listed below.
import { defineConfig } from 'vitest/config'
import { FILE_WORKERS, NODE_TESTS, TESTS_THAT_TRAIN } from './vitest.config.js'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: NODE_TESTS,
          exclude: [...TESTS_THAT_TRAIN, '**/node_modules/**'],
          testTimeout: 60_000,
          // Two files at a time, as in `npm test` (vitest's default on 2 cores is one): 55–65 s of CPU by now, single-
          // threaded computation, which one at a time comes close to the tier's minute even on an idle 2-core machine.
          maxWorkers: FILE_WORKERS,
          // Files share one module graph per worker: core and its wasm are loaded once per worker instead of once
          // per file, which was most of this tier's time (no test here keeps state between files).
          isolate: false,
        },
      },
    ],
  },
})
