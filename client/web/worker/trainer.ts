// Which trainer the analysis worker uses: the fused WebAssembly SIMD trainer (assembly/vae/) unless tfjs is asked
// for by backend, or `auto` finds a real WebGPU adapter (tfjs's WebGPU backend is the only thing faster than the
// fused trainer, and only on real hardware). tfjs is imported only in those cases.
import type { TrainerName } from '../../../core/vae/model.js'
import type { BackendChoice, BackendInfo } from '../src/protocol.js'
import { webgpuAdapter } from './webgpuAdapter.js'

const FUSED_LABEL = 'fused WebAssembly SIMD trainer (1 thread)'

/** Gets the chosen trainer ready; says which one runs and, when a GPU was looked for and not taken, why. */
export async function startTrainer(choice: BackendChoice): Promise<{ info: BackendInfo; trainer: TrainerName }> {
  if (choice === 'fused') return { info: { name: 'fused', label: FUSED_LABEL }, trainer: 'fused' }
  if (choice === 'auto') {
    const gpu = await webgpuAdapter()
    if (!gpu.found || gpu.software) {
      const note = gpu.found ? `only a software WebGPU adapter (${gpu.name})` : gpu.reason
      return { info: { name: 'fused', label: FUSED_LABEL, note }, trainer: 'fused' }
    }
  }
  const { setupTensorflow } = await import('./tensorflow.js')
  const info = await setupTensorflow(choice)
  return { info, trainer: `tfjs-${info.name}` }
}
