import type { SymscopeWasm } from '../wasm/module.js'

/** One named parameter of a generator: its type, default, allowed range and unit, as users and the API see it. */
export interface ParameterSpec {
  readonly name: string
  readonly type: 'number' | 'integer' | 'boolean'
  /** `null` means "off" (for example no η cut); only allowed when `nullable`. */
  readonly default: number | boolean | null
  readonly nullable?: boolean
  /** Inclusive bounds; `exclusiveMinimum` makes the lower bound strict. */
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: boolean
  readonly unit?: string
  readonly description: string
}

/**
 * A bound one parameter has from the others: `parameter` must `exceed` (>) or `be below` (<) `bound` (written as in
 * the help, e.g. "2 · muonMass"), whose value `value` computes from the resolved parameters.
 */
export interface ParameterRelation<P extends ParameterValues = ParameterValues> {
  readonly parameter: string
  readonly must: 'exceed' | 'be below'
  readonly bound: string
  readonly value: (params: P) => number
  /** Why the bound exists, in a few words (shown in the error). */
  readonly why?: string
}

export type ParameterValues = Record<string, number | boolean | null>

/** What a dataset's generator writes per event: row-major f64 features and truth, in wasm memory. */
export interface FillRequest<P extends ParameterValues = ParameterValues> {
  readonly seed: bigint
  /** Index of the first event: event i depends only on (seed, first + i), so chunks compose. */
  readonly first: bigint
  readonly n: number
  readonly params: P
  readonly featuresPtr: number
  readonly truthPtr: number
}

/** A registered generator: everything the CLI help, the API's schema and the analysis need to know about it. */
export interface DatasetSpec<P extends ParameterValues = ParameterValues> {
  readonly name: string
  readonly title: string
  readonly description: string
  readonly features: readonly string[]
  /** Truth observables, named with the `truth_` prefix; never fed to the VAE. */
  readonly truth: readonly string[]
  /** Truth observables that are angles, periodic on [−π, π): compared through (cos, sin), so −π and π meet. */
  readonly angularTruth: readonly string[]
  /** Free coordinates of the process: the answer the analysis should find. */
  readonly degreesOfFreedom: number
  readonly parameters: readonly ParameterSpec[]
  /**
   * Conditions between parameters (mMin below mMax, say): each is checked by resolveParameters and stated in the
   * parameter's help text from this one list, so the help and the check cannot disagree.
   */
  readonly relations?: readonly ParameterRelation<P>[]
  /** Runs the wasm generator for one chunk. */
  readonly fill: (wasm: SymscopeWasm, request: FillRequest<P>) => void
}
