import type { SymscopeWasm } from '../../wasm/module.js'

/**
 * The arguments every thread passes to vaeTrainThread (assembly/vae/parallel.ts) but its own index and the count:
 * group, data, trainRows, order, firstBatch, endBatch, seed, firstStep, lossBefore.
 */
export type TrainThreadArguments = [number, number, number, number, number, number, bigint, number, number]

/**
 * Threads that train the fused VAE together in one shared memory: `wasm` is this thread's instance of the threaded
 * module (symscope-threads.wasm), the only one that allocates; each other thread holds an instance over the same
 * memory that only runs vaeTrainThread. Started by the platform (core/wasm/nodeThreads.ts for Node).
 */
export interface TrainingThreads {
  readonly wasm: SymscopeWasm
  readonly count: number
  /** Runs vaeTrainThread on every thread (this one is thread 0) and returns thread 0's result, the loss sum. */
  train(args: TrainThreadArguments): number
  /** Ends the other threads. */
  close(): Promise<void>
}
