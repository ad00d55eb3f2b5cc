import { SymscopeError } from '../errors.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { chiSquareTest, type ChiSquareResult } from './chiSquareTest.js'
import { histogram, type HistogramOptions } from './histogram.js'

export interface DensityTestOptions extends HistogramOptions {
  /** Constraints on the expected counts (see chiSquareTest); default 1, the normalisation. */
  constraints?: number
  /** Smallest expected count per merged bin; default 5. */
  minExpected?: number
  /** Simpson panels per bin (even). Default 8. */
  panels?: number
}

export interface DensityTestResult extends ChiSquareResult {
  /** Observed counts per (unmerged) bin. */
  counts: Float64Array
  /** Expected counts per (unmerged) bin, normalised to the observed total inside [min, max]. */
  expected: Float64Array
  edges: Float64Array
}

/**
 * χ² test of a sample against a density: the sample is binned (`histogram`), the density integrated over each bin by
 * composite Simpson's rule, ∫ f ≈ (h/3) [f₀ + 4f₁ + 2f₂ + ⋯ + 4f_{m−1} + f_m], and the expected counts scaled so
 * their total equals the observed count inside [min, max] (under- and overflow are left out: the test is of the
 * shape on that range). The density need not be normalised. Then `chiSquareTest`, with merging of sparse bins.
 * Runs in O(n + bins · panels) plus the density calls.
 *
 * @param values the sample (or a matrix column through stride and offset)
 * @param density f(x) ≥ 0, finite on [min, max]; its normalisation does not matter
 * @throws {SymscopeError} invalid_data for bad histogram options, an odd or non-positive number of panels, a density
 *   that is negative, not finite or zero over the range, or too few populated bins (see chiSquareTest)
 * @example
 * // cos θ of e⁺e⁻ → μ⁺μ⁻ against 1 + cos²θ
 * chiSquareAgainstDensity(wasm, cosTheta, (c) => 1 + c * c, { bins: 20, min: -1, max: 1 }).pValue // e.g. 0.4
 */
export function chiSquareAgainstDensity(
  wasm: SymscopeWasm,
  values: ArrayLike<number>,
  density: (x: number) => number,
  options: DensityTestOptions,
): DensityTestResult {
  const { panels = 8, constraints, minExpected } = options
  if (!Number.isInteger(panels) || panels < 2 || panels % 2) {
    throw new SymscopeError('invalid_data', `chiSquareAgainstDensity requires an even number of panels ≥ 2 (got ${panels})`)
  }
  const { counts, edges } = histogram(wasm, values, options)
  const bins = counts.length
  const step = (edges[bins] - edges[0]) / (bins * panels)
  const expected = new Float64Array(bins)
  let integral = 0
  for (let b = 0; b < bins; b++) {
    let sum = 0
    for (let p = 0; p <= panels; p++) {
      const f = density(edges[0] + (b * panels + p) * step)
      if (!(f >= 0) || !Number.isFinite(f)) {
        throw new SymscopeError('invalid_data', `chiSquareAgainstDensity requires a finite density ≥ 0 (got ${f} in bin ${b})`)
      }
      sum += (p === 0 || p === panels ? 1 : p % 2 ? 4 : 2) * f
    }
    expected[b] = (step / 3) * sum
    integral += expected[b]
  }
  if (!(integral > 0)) throw new SymscopeError('invalid_data', 'chiSquareAgainstDensity requires a density not zero on [min, max]')
  let total = 0
  for (let b = 0; b < bins; b++) total += counts[b]
  for (let b = 0; b < bins; b++) expected[b] *= total / integral
  return { ...chiSquareTest(counts, expected, { constraints, minExpected }), counts, expected, edges }
}
