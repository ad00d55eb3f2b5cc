import { EigenvalueDecomposition, Matrix } from 'ml-matrix'
import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import { betaSurvival } from '../../stats/betaSurvival.js'
import { chiSquareSurvival } from '../../stats/chiSquareSurvival.js'
import type { SymscopeWasm } from '../../wasm/module.js'
import type { MomentAccumulatorFactory } from '../kernels/blockMoments.js'
import type { SymmetryKernels } from '../kernels/kernels.js'
import type { Theta } from '../tangentFields/fields.js'
import { flowGrid } from '../tangentFields/flow.js'
import { monomialBasis, productIndex, type MonomialBasis } from '../constraints/monomials.js'
import type { HarmonicTest } from './orbitHarmonics.js'
import { CHI_SQUARE_RANK, FLOW_GRID, WHITENING_RANK, MONTE_CARLO_EXACT_COUNT, MONTE_CARLO_SEED } from '../tolerances.js'

/** One calibrated test of H0: "the distribution of the events is invariant under the flow of this generator". */
export interface InvarianceTest {
  /** 'monte-carlo': compact generator, sample against its randomly transformed copies; 'chi-square': non-compact. */
  method: 'monte-carlo' | 'chi-square'
  statistic: number
  /** Rank of the whitened family: the χ² degrees of freedom (Monte Carlo: the dimension p of its Beta tail below the exact range). */
  degreesOfFreedom: number
  /** Monte Carlo: transformed copies drawn (B). */
  copies: number | null
  events: number
  testFunctions: number
  pValue: number
  /** Monte Carlo: the tail p-value of every sample, X first, then the copies (for calibration; not in the report). */
  sampleTails?: Float64Array
  /** Monte Carlo: the orbit-phase harmonic test beside the monomials (orbitHarmonics.ts; pValue is then both combined). */
  harmonics?: HarmonicTest
}

/**
 * A compact generator's Monte Carlo test with its harmonic test beside it (issue 16, item 4): two tests of the same
 * H0, combined by Bonferroni, p = min(1, 2 min(p_moments, p_harmonics)), so the family (and Holm's adjustment over
 * it) keeps its size. `pValue` becomes the combined one.
 */
export function withHarmonics(test: InvarianceTest, harmonics: HarmonicTest | null): InvarianceTest {
  if (!harmonics) return test
  return { ...test, harmonics, pValue: Math.min(1, 2 * Math.min(test.pValue, harmonics.pValue)) }
}

/**
 * Conditional Monte Carlo test for a compact generator (after Chiu and Bloem-Reddy, "Non-parametric hypothesis tests
 * for distributional group symmetry", 2023). Under H0 every event is distributed uniformly on its orbit given the
 * orbit, so the sample X and B copies X⁽ᵇ⁾ (each event moved by its own random group element) are exchangeable
 * given the orbits. Statistic: T(S) = Δᵀ Ŝ⁺ Δ with Δ = m(S) − m̄, m the means of the monomials of degree 1 … `degree`
 * in the standardised coordinates, m̄ their centroid and Ŝ their covariance over the B + 1 samples {X, X⁽ᵇ⁾}
 * (symmetric in them, so exchangeability is kept). p = (1 + #{b : T(X⁽ᵇ⁾) ≥ T(X)}) / (B + 1), exact at any n.
 * Below MONTE_CARLO_EXACT_COUNT exceedances the resolution 1/(B + 1) is too coarse for family-wise control, so the
 * tail is read from the exact distribution of T for Gaussian samples (each Δ is a mean over independent events:
 * nearly Gaussian by the central limit theorem): with N = B + 1 samples, p = rank(Ŝ) dimensions and Ŝ estimated
 * from the same N samples, N·T/(N − 1)² ~ Beta(p/2, (N − p − 1)/2) (a sample's own squared Mahalanobis distance from
 * the sample mean; S. S. Wilks 1962, as used by Gnanadesikan and Kettenring, Biometrics 28 (1972) 81). The χ² limit ignores that Ŝ is
 * estimated from the same samples and that T ≤ (N − 1)²/N: with 34 test functions and 300 samples its 0.001 point
 * is the Beta's 0.00033 (valid, but needlessly weak at Holm's levels). `sampleTails` holds the same tail for every sample: under H0 they are
 * exchangeable with X, so their rate below α checks the tail's calibration on the data themselves
 * (bench/invarianceCalibration.ts).
 * Group elements: exp(t Ã) at t on a grid of FLOW_GRID points of the period (a finite subgroup: invariance under the
 * whole group implies invariance under it). The copies' moments from the orbit kernel (assembly/symmetries/
 * orbitMoments.ts: each event moved and its monomials summed in one pass). Cost O((B + 1) · rows · (d² + monomials)).
 */
export function monteCarloInvariance(
  wasm: SymscopeWasm, kernels: SymmetryKernels, z: Float64Array, rows: number, d: number, theta: Theta,
  period: number, copies: number, degree: number, stream: number,
): InvarianceTest {
  const basis = monomialBasis(d, degree)
  const K = basis.count - 1
  const samples = copies + 1 // X and the copies
  const means: Float64Array[] = [momentMeans(wasm, kernels.moments, z, rows, d, basis, 1)[0]]
  const sums = kernels.orbitMoments(wasm, {
    z, rows, d, grid: flowGrid(theta, d, period, FLOW_GRID), gridCount: FLOW_GRID, basis, copies, seed: MONTE_CARLO_SEED, firstStream: stream * 1_000_003 + 1,
  })
  for (let c = 0; c < copies; c++) means.push(sums.slice(c * basis.count + 1, (c + 1) * basis.count).map((v) => v / rows))
  // Δ_s = m(S) − m̄ with m̄ the centroid of the B + 1 samples, whitened by their covariance Ŝ (both symmetric in the
  // samples, so they stay exchangeable): T is each sample's Mahalanobis distance from the others' centre, about χ²
  // with rank(Ŝ) degrees of freedom, and no single test function is diluted by the others (Ŝ⁺ on its eigenvalues
  // above WHITENING_RANK of the largest: the combinations the flow does not change have none).
  const centre = new Float64Array(K)
  for (const m of means) for (let k = 0; k < K; k++) centre[k] += m[k] / samples
  const pooled = means.map((m) => m.map((v, k) => v - centre[k]))
  const covariance = Array.from({ length: K }, () => new Array<number>(K).fill(0))
  for (const m of pooled) {
    for (let k = 0; k < K; k++) for (let l = 0; l <= k; l++) covariance[k][l] += m[k] * m[l]
  }
  for (let k = 0; k < K; k++) for (let l = 0; l <= k; l++) covariance[l][k] = covariance[k][l] /= samples - 1
  // Householder tridiagonalisation and QL (ml-matrix, O(K³)): eigenvalues to ε of the largest, ample for the cut at
  // WHITENING_RANK; the cyclic Jacobi of core/linalg, accurate for tiny eigenvalues, costs ~30× more at K = 34.
  const eigen = new EigenvalueDecomposition(new Matrix(covariance), { assumeSymmetric: true })
  const values = eigen.realEigenvalues
  const vectors = eigen.eigenvectorMatrix.to2DArray()
  const largest = Math.max(0, ...values)
  const kept = values.map((v, i) => i).filter((i) => values[i] > WHITENING_RANK * largest)
  const statistic = (m: Float64Array) => {
    let t = 0
    for (const i of kept) {
      let projection = 0
      for (let k = 0; k < K; k++) projection += vectors[k][i] * m[k]
      t += (projection * projection) / values[i]
    }
    return t
  }
  const observed = statistic(pooled[0])
  const null_ = pooled.slice(1).map(statistic)
  const exceed = null_.filter((t) => t >= observed).length
  const exact = (1 + exceed) / (copies + 1)
  const dof = kept.length
  const tailOf = (t: number) => mahalanobisTail(t, dof, samples) ?? exact
  return {
    method: 'monte-carlo', statistic: observed, degreesOfFreedom: dof, copies, events: rows, testFunctions: K,
    pValue: exceed >= MONTE_CARLO_EXACT_COUNT ? exact : tailOf(observed),
    sampleTails: Float64Array.from([observed, ...null_], tailOf),
  }
}

/**
 * P(T ≥ t) for T a Gaussian sample's squared Mahalanobis distance from the mean of the N samples it belongs to, in
 * `dof` dimensions, with the covariance estimated from them (divisor N − 1): N·T/(N − 1)² ~ Beta(dof/2, (N − dof − 1)/2).
 * Null when it is undefined (no dimension, or N ≤ dof + 1: too few samples to estimate the covariance).
 */
export function mahalanobisTail(t: number, dof: number, samples: number): number | null {
  if (dof < 1 || samples - dof - 1 <= 0) return null
  return betaSurvival(Math.min(1, Math.max(0, (samples * t) / (samples - 1) ** 2)), dof / 2, (samples - dof - 1) / 2)
}

/** Means of the non-constant monomials of `basis` over each of `blocks` equal blocks of rows (one per sample). */
function momentMeans(
  wasm: SymscopeWasm, accumulator: MomentAccumulatorFactory, z: Float64Array, rows: number, d: number, basis: MonomialBasis, blocks: number,
): Float64Array[] {
  const moments = accumulator(wasm, z, rows, d)
  try {
    const sums = moments.sums(
      { columns: Int32Array.from({ length: d }, (_, a) => a), shift: new Float64Array(d), scale: new Float64Array(d).fill(1) }, basis, blocks,
    )
    const per = rows / blocks
    return Array.from({ length: blocks }, (_, b) => sums.slice(b * basis.count + 1, (b + 1) * basis.count).map((s) => s / per))
  } finally {
    moments.dispose()
  }
}

/**
 * Test of the infinitesimal moment condition for a non-compact generator v (boosts, dilatations, translations, where
 * no finite-volume group average exists; the approach of Chiu, Sharp and Bloem-Reddy 2024 in its simplest form):
 * invariance implies E[h_k] = 0 for h_k = ∇φ_k · v and every test function φ_k (here the monomials of degree 1 and 2
 * of the standardised coordinates; h_k then has degree ≤ 2). With ḡ the sample means of h over n events and Σ their
 * covariance (from moments of degree ≤ 4), n ḡᵀ Σ⁺ ḡ is χ² with rank(Σ) degrees of freedom under H0 (central limit
 * theorem for independent events; Σ⁺ on the eigenvalues above CHI_SQUARE_RANK of the largest: the whitened family).
 * Order-independent: everything comes from the moments of the test events. O(K² · monomials) for K test functions.
 */
export function chiSquareInvariance(mean: (alpha: Uint8Array) => number, events: number, d: number, theta: Theta): InvarianceTest {
  const tests = monomialBasis(d, 2)
  const K = tests.count - 1
  // h_k on the degree-2 basis: ∇(z^α)·(A z + b) = Σ_a α_a z^(α − e_a) (Σ_c A_ac z_c + b_a).
  const h = Array.from({ length: K }, (_, k) => {
    const alpha = tests.exponents[k + 1]
    const out = new Float64Array(tests.count)
    for (let a = 0; a < d; a++) {
      if (!alpha[a]) continue
      const lower = alpha.slice()
      lower[a]--
      out[tests.indexOf(lower)] += alpha[a] * theta[d * d + a]
      for (let c = 0; c < d; c++) {
        lower[c]++
        out[tests.indexOf(lower)] += alpha[a] * theta[a * d + c]
        lower[c]--
      }
    }
    return out
  })
  const product = monomialBasis(d, 4)
  const momentOf = (p: number, q: number) => mean(product.exponents[productIndex(tests, p, q, product)])
  const first = Array.from({ length: tests.count }, (_, p) => mean(tests.exponents[p]))
  const g = h.map((c) => c.reduce((s, v, p) => s + v * first[p], 0))
  const second = Array.from({ length: tests.count }, (_, p) => Array.from({ length: tests.count }, (_, q) => momentOf(p, q)))
  const covariance = h.map((ck, k) =>
    h.map((cl, l) => {
      let s = 0
      for (let p = 0; p < tests.count; p++) if (ck[p] !== 0) for (let q = 0; q < tests.count; q++) s += ck[p] * cl[q] * second[p][q]
      return s - g[k] * g[l]
    }),
  )
  const { values, vectors } = symmetricEigen(covariance)
  const largest = Math.max(0, ...values)
  let statistic = 0
  let dof = 0
  let violated = false
  const size = Math.sqrt(Math.max(largest, 0)) + Math.hypot(...g)
  values.forEach((lambda, i) => {
    const projection = g.reduce((s, v, k) => s + v * vectors[k][i], 0)
    if (lambda > CHI_SQUARE_RANK * largest) {
      statistic += (events * projection * projection) / lambda
      dof++
    } else if (Math.abs(projection) > Math.sqrt(CHI_SQUARE_RANK) * size) {
      // A change with no spread but a nonzero mean (h ≡ const ≠ 0: a translation moves E[x] by 1 per unit time):
      // violated on every event, not a fluctuation.
      violated = true
    }
  })
  if (violated) return { method: 'chi-square', statistic: Infinity, degreesOfFreedom: dof + 1, copies: null, events, testFunctions: K, pValue: 0 }
  return {
    method: 'chi-square', statistic, degreesOfFreedom: dof, copies: null, events, testFunctions: K,
    pValue: dof === 0 ? 1 : chiSquareSurvival(statistic, dof),
  }
}

/** Holm's step-down adjustment (family-wise error control at any dependence): adjusted p-values, monotone. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const adjusted = new Array<number>(m)
  let running = 0
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p))
    adjusted[i] = running
  })
  return adjusted
}
