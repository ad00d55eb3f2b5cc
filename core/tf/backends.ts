import * as tf from './tfjs.js'

/** The tfjs backends symscope trains on, fastest first where each exists. */
export type BackendName = 'webgpu' | 'wasm' | 'cpu'

/**
 * Switches tfjs to the first backend in `preferred` that initialises, and returns its name. The model code never
 * calls this: the runtime's setup does (Node: wasm then cpu).
 */
export async function selectBackend(preferred: readonly BackendName[]): Promise<BackendName> {
  for (const name of preferred) {
    if (tf.findBackendFactory(name) === null) continue
    try {
      if (await tf.setBackend(name)) {
        await tf.ready()
        return name
      }
    } catch {
      // an unavailable backend is not an error: try the next one
    }
  }
  throw new Error(`none of the tfjs backends ${preferred.join(', ')} could start`)
}
