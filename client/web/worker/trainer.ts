// Which trainer the analysis worker uses: the fused WebAssembly SIMD trainer (assembly/vae/) unless tfjs is asked
// for by backend, or `auto` finds a real WebGPU adapter (tfjs's WebGPU backend is the only thing faster than the
// fused trainer, and only on real hardware). tfjs is imported only in those cases; the fused trainer runs on the
// threads of ./threads.ts.
import type { TrainerName, TrainingThreads } from '../../../core/vae/index.js'
import type { BackendChoice, BackendInfo } from '../src/protocol.js'
import { startThreads } from './threads.js'
import { webgpuAdapter } from './webgpuAdapter.js'

const fusedLabel = (threads: number) => `fused WebAssembly SIMD trainer (${threads} thread${threads === 1 ? '' : 's'})`

const joinNotes = (...notes: (string | undefined)[]) => notes.filter(Boolean).join('; ') || undefined

/** The fused trainer on the threads asked for (or fewer, saying why). */
async function fused(requested: number | undefined, note?: string): Promise<{ info: BackendInfo; trainer: TrainerName; threads?: TrainingThreads }> {
  const started = await startThreads(requested)
  return { info: { name: 'fused', label: fusedLabel(started.count), threads: started.count, note: joinNotes(note, started.note) }, trainer: 'fused', threads: started.threads }
}

/**
 * Gets the chosen trainer ready; says which one runs, on how many threads, and, when a GPU was looked for and not
 * taken, why. `threads` (undefined: the default) applies to the fused trainer; close the returned threads when done.
 */
export async function startTrainer(choice: BackendChoice, threads?: number): Promise<{ info: BackendInfo; trainer: TrainerName; threads?: TrainingThreads }> {
  if (choice === 'fused') return fused(threads)
  if (choice === 'auto') {
    const gpu = await webgpuAdapter()
    if (!gpu.found || gpu.software) return fused(threads, gpu.found ? `only a software WebGPU adapter (${gpu.name})` : gpu.reason)
  }
  const { setupTensorflow } = await import('./tensorflow.js')
  const info = await setupTensorflow(choice)
  const note = threads !== undefined && threads > 1 ? joinNotes(info.note, 'the thread setting applies to the fused trainer only') : info.note
  return { info: { ...info, note }, trainer: `tfjs-${info.name}` }
}
