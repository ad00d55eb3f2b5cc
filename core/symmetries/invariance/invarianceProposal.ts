import { CholeskyDecomposition, Matrix, inverse } from 'ml-matrix'
import { leastSquares } from '../../linalg/leastSquares.js'
import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import type { AffineField, Theta } from '../tangentFields/fields.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'
import { monomialBasis } from '../constraints/monomials.js'
import { readableBasis, type Generator } from '../tangentFields/readableBasis.js'
import type { SpanMoments } from '../kernels/spanMoments.js'
import type { TangencySystem } from '../tangentFields/tangency.js'
import { INVARIANCE_THRESHOLD, PROPOSAL_GAP, TEST_DEGREE } from '../tolerances.js'

export interface InvarianceProposal {
  generators: (Generator & { statistic: number })[]
  /** r of every direction of the manifold algebra, ascending (about 1 for an invariance, ≫ 1 otherwise). */
  statistics: number[]
  threshold: number
  /** Separation of the decision: smallest rejected r over largest accepted r (or over / under the threshold). */
  margin: number | null
  testFunctions: number
  blocks: number
}

/**
 * Proposes the subalgebra of the manifold algebra whose flow leaves the distribution unchanged (the calibrated tests
 * of distributionAlgebra.ts then decide, on other events): for a field v = Σ_j c_j v_j,
 * invariance means E[∇φ_k · v] = 0 for every test function φ_k (here the monomials of degree 1 … TEST_DEGREE in the
 * standardised span coordinates). G_kj = E[∇φ_k · v_j] is a combination of moments of degree ≤ 4, computed over all
 * events (Ḡ) and per block of consecutive events (G_b), whose spread gives the noise of Ḡ (batch means). With row
 * weights ν_k (the noise of row k), signal S = Σ_k Ḡ_kᵀ Ḡ_k / ν_k and noise N = Σ_k Cov(Ḡ_k) / ν_k, the statistic of a
 * direction c is r(c) = cᵀ S c / cᵀ N c, about 1 when the field is an invariance and only noise remains. The
 * generalised eigenvectors of (S, N) give the directions from the most to the least invariant; those with
 * r < INVARIANCE_THRESHOLD form the invariant subalgebra, given a readable basis like the manifold algebra.
 */
export function proposeInvariances(
  moments: SpanMoments, manifold: readonly Generator[], span: AffineSpan, system: TangencySystem, simplify: boolean | ((theta: Theta) => boolean) = true,
): InvarianceProposal {
  const d = span.free.length
  const m = manifold.length
  const tests = monomialBasis(d, TEST_DEGREE)
  const blocks = moments.blocks.length
  const empty: InvarianceProposal = { generators: [], statistics: [], threshold: INVARIANCE_THRESHOLD, margin: null, testFunctions: tests.count - 1, blocks }
  if (m === 0) return empty

  // For φ = z^α: ∇φ·v = Σ_a α_a z^(α − e_a) (Σ_c A_ac z_c + b_a), so E[∇φ_k·v_j] = Σ_e w_e θ_j[t_e] E[z^(β_e)]:
  // entries (weight, index into θ, moment index) per test function, flat.
  const weights: number[] = []
  const thetaIndex: number[] = []
  const momentIndex: number[] = []
  const starts = [0]
  for (let k = 1; k < tests.count; k++) {
    const alpha = tests.exponents[k]
    for (let a = 0; a < d; a++) {
      if (!alpha[a]) continue
      const lower = alpha.slice()
      lower[a]--
      weights.push(alpha[a])
      thetaIndex.push(d * d + a)
      momentIndex.push(moments.basis.indexOf(lower))
      for (let c = 0; c < d; c++) {
        lower[c]++
        weights.push(alpha[a])
        thetaIndex.push(a * d + c)
        momentIndex.push(moments.basis.indexOf(lower))
        lower[c]--
      }
    }
    starts.push(weights.length)
  }
  const rowsK = tests.count - 1
  const thetas = manifold.map((g) => g.theta)
  /** G (rowsK × m, row-major) from one set of moments. */
  const matrixFor = (mean: Float64Array) => {
    const out = new Float64Array(rowsK * m)
    for (let k = 0; k < rowsK; k++) {
      for (let e = starts[k]; e < starts[k + 1]; e++) {
        const w = weights[e] * mean[momentIndex[e]]
        const t = thetaIndex[e]
        for (let j = 0; j < m; j++) out[k * m + j] += w * thetas[j][t]
      }
    }
    return out
  }
  const overall = matrixFor(moments.mean)
  const perBlock = moments.blocks.map(matrixFor)
  const signal = Array.from({ length: m }, () => new Array(m).fill(0))
  const noise = Array.from({ length: m }, () => new Array(m).fill(0))
  const cov = new Float64Array(m * m)
  const deviation = new Float64Array(m)
  const norm = 1 / (blocks * (blocks - 1))
  for (let k = 0; k < rowsK; k++) {
    cov.fill(0)
    for (const block of perBlock) {
      for (let i = 0; i < m; i++) deviation[i] = block[k * m + i] - overall[k * m + i]
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) cov[i * m + j] += deviation[i] * deviation[j] * norm
    }
    let nu = 0
    for (let i = 0; i < m; i++) nu += cov[i * m + i] / m
    if (!(nu > 0)) continue
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        signal[i][j] += (overall[k * m + i] * overall[k * m + j]) / nu
        noise[i][j] += cov[i * m + j] / nu
      }
    }
  }
  const traceNoise = noise.reduce((s, r, i) => s + r[i], 0)
  for (let i = 0; i < m; i++) noise[i][i] += 1e-12 * traceNoise
  const lower = new CholeskyDecomposition(new Matrix(noise)).lowerTriangularMatrix
  const lowerInverse = inverse(lower)
  const whitened = lowerInverse.mmul(new Matrix(signal)).mmul(lowerInverse.transpose())
  const symmetric = whitened.add(whitened.transpose()).div(2).to2DArray()
  const { values, vectors } = symmetricEigen(symmetric)
  const order = values.map((_, k) => k).reverse()
  const statistics = order.map((k) => values[k])
  const directions = order.map((k) => lowerInverse.transpose().mmul(Matrix.columnVector(vectors.map((row) => row[k]))).to1DArray())
  const statistic = (c: readonly number[]) => {
    let s = 0
    let n = 0
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        s += c[i] * signal[i][j] * c[j]
        n += c[i] * noise[i][j] * c[j]
      }
    }
    return n > 0 ? s / n : Infinity
  }
  const basisMatrix = new Matrix(manifold.map((g) => Array.from(g.theta))).transpose()
  const solveInBasis = leastSquares(basisMatrix)
  const coefficientsOf = (theta: Theta) => solveInBasis(Matrix.columnVector(Array.from(theta))).to1DArray()
  // A simplified field must stay in the span of the candidates: the statistic is that of its least-squares projection.
  const inCandidateSpan = (theta: Theta) => {
    const back = basisMatrix.mmul(Matrix.columnVector(coefficientsOf(theta))).to1DArray()
    return Math.hypot(...back.map((v, k) => v - theta[k])) <= 1e-6 * Math.hypot(...Array.from(theta))
  }

  // Below the threshold, the directions are cut at the first gap of PROPOSAL_GAP (issue 16): exact invariances read
  // r ≪ 1 where the statistic has almost no noise (the conjugated rotations of an anisotropic Gaussian), and a
  // broken direction that happens to fall below the threshold beside them would mix into every proposed generator.
  let below = statistics.filter((r) => r < INVARIANCE_THRESHOLD).length
  let cutAt = INVARIANCE_THRESHOLD
  for (let k = 0; k + 1 < below; k++) {
    if (statistics[k + 1] > PROPOSAL_GAP * Math.max(statistics[k], 1e-12)) {
      cutAt = Math.sqrt(Math.max(statistics[k], 1e-12) * statistics[k + 1])
      below = k + 1
      break
    }
  }
  const accepted = directions.filter((_, k) => k < below)
  // A simplified (rounded) generator must read like the accepted directions, not merely below the cut: rounding a
  // conjugated rotation's entries makes a field that still passes r < 5 and is no invariance.
  // With a structural check (`simplify` a function: the whitened rotations), the bar is relative only: exact
  // invariances read r ≪ 1 there, and a rounded field at r ≈ 1 is another field.
  const simplifiedBelow = below ? Math.min(cutAt, typeof simplify === 'function' ? 2 * statistics[below - 1] : 4 * statistics[below - 1]) : cutAt
  const fields: AffineField[] = accepted.map((c) => {
    const D = span.means.length
    return {
      matrix: Array.from({ length: D }, (_, r) => Array.from({ length: D }, (_, s) => manifold.reduce((sum, g, j) => sum + c[j] * g.field.matrix[r][s], 0))),
      offset: Array.from({ length: D }, (_, r) => manifold.reduce((sum, g, j) => sum + c[j] * g.field.offset[r], 0)),
    }
  })
  const invariant = readableBasis(fields, span, system, (theta) => (typeof simplify === 'function' ? simplify(theta) : simplify) && inCandidateSpan(theta) && statistic(coefficientsOf(theta)) < simplifiedBelow)
  const acceptedStatistics = statistics.slice(0, below)
  const rejected = statistics.slice(below)
  const largestAccepted = acceptedStatistics.length ? Math.max(...acceptedStatistics) : null
  const smallestRejected = rejected.length ? Math.min(...rejected) : null
  const margin =
    largestAccepted !== null && smallestRejected !== null
      ? smallestRejected / Math.max(largestAccepted, 1e-12)
      : smallestRejected !== null
        ? smallestRejected / INVARIANCE_THRESHOLD
        : largestAccepted !== null
          ? INVARIANCE_THRESHOLD / Math.max(largestAccepted, 1e-12)
          : null
  return {
    generators: invariant.map((g) => ({ ...g, statistic: statistic(coefficientsOf(g.theta)) })),
    statistics,
    threshold: INVARIANCE_THRESHOLD,
    margin,
    testFunctions: tests.count - 1,
    blocks,
  }
}
