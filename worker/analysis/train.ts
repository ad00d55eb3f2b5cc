// Training under the step budget, inside workerd, on the fused WebAssembly trainer (assembly/vae/, one thread; the
// report names it). The route trains a whole analysis that fits the budget; a job trains one slice per alarm. Both
// never ask core for more than `maxSteps`. tfjs is never loaded here.
import { reportFromTraining, symmetriesOf, trainAnalysis, type PreparedAnalysis } from '../../core/analysis/index.js'
import type { Report } from '../../core/report/index.js'
import type { Symmetries } from '../../core/index.js'
import { disposeVae, type TrainingState } from '../../core/vae/index.js'
import type { SymscopeWasm } from '../../core/index.js'

export interface Slice {
  /** The report when training finished in this slice, else null. */
  report: Report | null
  /** The state to resume from when it did not. */
  state: TrainingState | null
  /** Optimiser steps in this slice (≤ maxSteps) and in all. */
  stepsThisSlice: number
  steps: number
}

/**
 * Lets the isolate's event loop run between epochs and between the parts of the symmetry section and the report
 * (core's `pause` hooks): that work is synchronous, and in wrangler dev the worker, its Durable Objects and the
 * inspector share one thread, so without this a slice would hold every request until it ends (docs/limits.md).
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Trains at most `maxSteps` optimiser steps of `prepared`, from `resume` if given; builds the report when finished,
 * aligning the trained latents with `symmetries`, the section computed from the data before training (a job computes
 * it in its first slice and keeps it; without it, it is computed here, before the training).
 */
export async function trainSlice(
  wasm: SymscopeWasm,
  prepared: PreparedAnalysis,
  maxSteps: number,
  resume?: TrainingState,
  given?: Symmetries,
): Promise<Slice> {
  const symmetries = given ?? (await symmetriesOf(wasm, prepared, yieldToEventLoop))
  const trained = await trainAnalysis(wasm, prepared, { maxSteps, resume, onEpoch: yieldToEventLoop })
  if (trained.stepsThisCall > maxSteps) {
    disposeVae(trained.vae)
    throw new Error(`step budget broken: ${trained.stepsThisCall} steps in a slice of at most ${maxSteps}`)
  }
  const counts = { stepsThisSlice: trained.stepsThisCall, steps: trained.steps }
  if (!trained.finished) {
    disposeVae(trained.vae)
    return { report: null, state: trained.state ?? null, ...counts }
  }
  return { report: await reportFromTraining(wasm, prepared, trained, symmetries, yieldToEventLoop), state: null, ...counts }
}
