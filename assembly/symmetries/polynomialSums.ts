// A polynomial constraint measured on the events (core/symmetries/constraints/polynomialConstraints.ts, `measure`): its value and
// gradient at every event, from the monomials of the raw span coordinates, summed into the few totals the RMS, the
// relative RMS and the gradient-normalised distance need.

import { fillMonomials } from './monomialValues'

/**
 * g(u) = Σ_m c_m u^α(m) over the rows, u_j = x[row, columns[j]], and its gradient ∂_a g = Σ_m gradients[a·count + m]
 * u^α(m). Writes to `out` (5 + 2·count f64): [0] Σ g, [1] Σ (g − ḡ)² (a second pass over the stored values),
 * [2] Σ over terms of (c_m u^α(m))², [3] Σ |∇g|², [4] Σ Σ_a (σ_a ∂_a g)², then Σ u^α(m) and Σ (u^α(m))² for every m
 * with c_m ≠ 0 (others 0). Only the nonzero coefficients are visited, in m order: `terms` lists the m ≥ 1 with
 * c_m ≠ 0 (termCount i32), `gradientTerms[gradientStarts[a] … gradientStarts[a + 1])` those of ∂_a g (vars + 1
 * starts). `scratch` holds vars + count + rows f64. Cost O(rows · (count + terms of g and ∇g)).
 * Preconditions (checked by core): rows ≥ 1, columns[j] < stride, parents[m] < m, the lists as described.
 */
export function polynomialSums(
  data: usize, rows: i32, stride: i32, columns: usize, vars: i32, parents: usize, factors: usize, count: i32,
  coefficients: usize, gradients: usize, sigma: usize, terms: usize, termCount: i32, gradientTerms: usize,
  gradientStarts: usize, out: usize, scratch: usize,
): void {
  const u = scratch
  const values = u + (<usize>vars << 3)
  const g = values + (<usize>count << 3)
  const termSum = out + 40
  const termSquares = termSum + (<usize>count << 3)
  memory.fill(out, 0, <usize>(5 + 2 * count) << 3)
  store<f64>(values, 1.0)
  let sum = 0.0
  let magnitude = 0.0
  let gradientSquares = 0.0
  let gradientSquaresZ = 0.0
  for (let i = 0; i < rows; i++) {
    const row = data + (<usize>i * <usize>stride << 3)
    for (let j = 0; j < vars; j++) {
      store<f64>(u + (<usize>j << 3), load<f64>(row + (<usize>load<i32>(columns + (<usize>j << 2)) << 3)))
    }
    fillMonomials(values, u, parents, factors, count)
    let value = 0.0
    for (let t = 0; t < termCount; t++) {
      const offset = <usize>load<i32>(terms + (<usize>t << 2)) << 3
      const v = load<f64>(values + offset)
      const term = load<f64>(coefficients + offset) * v
      value += term
      magnitude += term * term
      store<f64>(termSum + offset, load<f64>(termSum + offset) + v)
      store<f64>(termSquares + offset, load<f64>(termSquares + offset) + v * v)
    }
    for (let a = 0; a < vars; a++) {
      const ga = gradients + (<usize>(a * count) << 3)
      const end = load<i32>(gradientStarts + (<usize>(a + 1) << 2))
      let s = 0.0
      for (let t = load<i32>(gradientStarts + (<usize>a << 2)); t < end; t++) {
        const offset = <usize>load<i32>(gradientTerms + (<usize>t << 2)) << 3
        s += load<f64>(ga + offset) * load<f64>(values + offset)
      }
      gradientSquares += s * s
      const sz = s * load<f64>(sigma + (<usize>a << 3))
      gradientSquaresZ += sz * sz
    }
    store<f64>(g + (<usize>i << 3), value)
    sum += value
  }
  const mean = sum / <f64>rows
  let squares = 0.0
  for (let i = 0; i < rows; i++) {
    const deviation = load<f64>(g + (<usize>i << 3)) - mean
    squares += deviation * deviation
  }
  store<f64>(out, sum)
  store<f64>(out + 8, squares)
  store<f64>(out + 16, magnitude)
  store<f64>(out + 24, gradientSquares)
  store<f64>(out + 32, gradientSquaresZ)
}
