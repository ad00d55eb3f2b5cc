// Which test files run in a module graph of their own (vitest.config.ts; checked by
// test/architecture/sharedModuleGraph.test.ts). Kept apart from the config so that the check loads no test pool.

/**
 * Worker tests that replace a module (`vi.mock`): a mock applies only where the module has not been loaded yet, so these
 * run in their own module graph. The other worker files share one (`isolate: false`): each isolated file started its
 * own Miniflare and loaded the worker, core and TensorFlow.js again (~2 s of CPU a file). Each file keeps its own
 * client IPs (test/worker/client.ts), so its rate-limit counters stay its own in the shared storage.
 */
export const WORKER_TESTS_THAT_MOCK = ['test/worker/symmetryFailure.test.ts']
