import { SymscopeError } from '../../errors.js'
import type { SymscopeWasm } from '../../wasm/module.js'

/** Most threads one training may use; the batch has at most 16 chunks (assembly/vae/parallel.ts), so more wait. */
export const MAX_THREADS = 16

/** Throws naming the limit unless `count` is a thread count the starters accept (1 … MAX_THREADS). */
export function checkThreadCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_THREADS) {
    throw new SymscopeError('invalid_parameter', `threads must be an integer from 1 to ${MAX_THREADS}; got ${count}`, {
      parameter: 'threads',
      limit: MAX_THREADS,
    })
  }
}

/**
 * The arguments every thread passes to vaeTrainThread (assembly/vae/parallel.ts) but its own index, the count and
 * the stall limit: group, data, trainRows, order, firstBatch, endBatch, seed, firstStep, lossBefore.
 */
export type TrainThreadArguments = [number, number, number, number, number, number, bigint, number, number]

/**
 * How long the threads at a step barrier wait while nothing moves (no thread arrives, no chunk of the batch is
 * finished) before they give up on the missing thread: 30 s, far beyond one chunk's work on any allowed network.
 */
export const STALL_MILLISECONDS = 30_000

/** Options of the platform starters, for tests only. */
export interface TrainingThreadsOptions {
  /** @internal How long a barrier waits with nothing moving before it gives up (default STALL_MILLISECONDS). */
  stallMilliseconds?: number
}

/** Why a training on threads was abandoned: the reasons of assembly/vae/parallel.ts's abort word. */
export const ABORT_ERROR = 1
export const ABORT_STALLED = 2

/**
 * Threads that train the fused VAE together in one shared memory: `wasm` is this thread's instance of the threaded
 * module (symscope-threads.wasm), the only one that allocates; each other thread holds an instance over the same
 * memory that only runs vaeTrainThread. Started by the platform (core/wasm/nodeThreads.ts for Node,
 * core/wasm/browserThreads.ts for Web Workers).
 */
export interface TrainingThreads {
  readonly wasm: SymscopeWasm
  readonly count: number
  /** The stall limit the barriers of this training wait (STALL_MILLISECONDS unless a test shortened it). */
  readonly stallMilliseconds: number
  /**
   * Runs vaeTrainThread on every thread (this one is thread 0) and returns thread 0's result, the loss sum, or NaN
   * when a thread failed (vaeGroupAborted says which). A worker that throws aborts the group itself.
   */
  train(args: TrainThreadArguments): number
  /** Ends the other threads. */
  close(): Promise<void>
}

/** How a thread failed: it threw (a trap), it never came to a barrier, or its worker had exited before the call. */
export type ThreadFailure = 'error' | 'stalled' | 'exited'

/**
 * The TrainingThreads over started workers (the platform starters' common part): thread 0 is this thread, in `wasm`;
 * worker i is thread i + 1; `exited` names a worker known to be gone, which fails the next call at once.
 */
export function threadsOver(
  wasm: SymscopeWasm,
  workers: readonly { postMessage(message: unknown): void }[],
  stallMilliseconds: number,
  exited: () => number | undefined,
  close: () => Promise<void>,
): TrainingThreads {
  const count = workers.length + 1
  return {
    wasm,
    count,
    stallMilliseconds,
    train(args: TrainThreadArguments): number {
      const gone = exited()
      if (gone !== undefined) throw new TrainingThreadError(gone, 'exited', count, stallMilliseconds)
      for (const worker of workers) worker.postMessage(args)
      return wasm.exports.vaeTrainThread(...args, 0, count, stallMilliseconds)
    },
    close,
  }
}

/** A training that a thread's death stopped: which thread, and how it failed. */
export class TrainingThreadError extends Error {
  override readonly name = 'TrainingThreadError'
  constructor(
    readonly thread: number,
    readonly reason: ThreadFailure,
    count: number,
    stallMilliseconds: number,
  ) {
    const what = {
      error: 'stopped with an error (a WebAssembly trap)',
      stalled: `did not reach the step barrier for ${stallMilliseconds / 1000} s (terminated or hung)`,
      exited: 'had exited (its worker was terminated)',
    }[reason]
    super(`training thread ${thread} of ${count} ${what}; the training was abandoned`)
  }
}

/** The error for a group's abort word (vaeGroupAborted; 0: none). */
export function abortedTraining(abortWord: number, count: number, stallMilliseconds: number): TrainingThreadError | undefined {
  if (abortWord === 0) return undefined
  return new TrainingThreadError((abortWord & 0xff) - 1, abortWord >> 8 === ABORT_STALLED ? 'stalled' : 'error', count, stallMilliseconds)
}
