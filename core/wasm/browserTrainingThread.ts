// One thread of the fused trainer in a Web Worker, started by core/wasm/browserThreads.ts: the first message brings
// the threaded module and the shared memory, and each later one the arguments of one vaeTrainThread call. It never
// allocates (the starter's own instance does); a trap here aborts the group, so the other threads leave their
// barriers and thread 0 throws naming this one.
import { ABORT_ERROR, type TrainThreadArguments } from '../vae/fused/threads.js'
import { instantiateSymscope, type SymscopeWasm } from './module.js'

/** What the starter sends first. */
export interface TrainingThreadStart {
  module: WebAssembly.Module
  memory: WebAssembly.Memory
  thread: number
  threads: number
  stallMilliseconds: number
}

const scope = self as unknown as Worker

let started: { wasm: SymscopeWasm; start: TrainingThreadStart } | undefined

scope.addEventListener('message', (event: MessageEvent) => {
  if (!started) return void begin(event.data as TrainingThreadStart)
  const { wasm, start } = started
  const args = event.data as TrainThreadArguments
  try {
    wasm.exports.vaeTrainThread(...args, start.thread, start.threads, start.stallMilliseconds)
  } catch {
    wasm.exports.vaeGroupAbort(args[0], start.thread, ABORT_ERROR)
  }
})

async function begin(start: TrainingThreadStart): Promise<void> {
  started = { wasm: await instantiateSymscope(start.module, start.memory), start }
  scope.postMessage('ready')
}
