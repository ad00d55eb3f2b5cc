// Plain-TypeScript twin of the wasm moment kernels (assembly/symmetries/monomialMoments.ts, polynomialSums.ts): the
// reference their tests compare against and the other side of bench/symmetries.ts. Same loops, same f64 arithmetic
// in the same order, same block split.
import { checkPolynomial, checkRequest, readPolynomialSums, type MomentAccumulatorFactory } from '../core/symmetries/kernels/blockMoments.js'

export const typescriptMoments: MomentAccumulatorFactory = (_wasm, data, rows, cols) => ({
  sums({ columns, shift, scale }, basis, blocks) {
    checkRequest(columns, shift, scale, basis, blocks, rows, cols)
    const vars = columns.length
    const { count, parents, factors } = basis
    const out = new Float64Array(blocks * count)
    const z = new Float64Array(vars)
    const values = new Float64Array(count)
    values[0] = 1
    for (let b = 0; b < blocks; b++) {
      const first = Math.floor((b * rows) / blocks)
      const last = Math.floor(((b + 1) * rows) / blocks)
      const offset = b * count
      for (let i = first; i < last; i++) {
        const row = i * cols
        for (let j = 0; j < vars; j++) z[j] = (data[row + columns[j]] - shift[j]) * scale[j]
        for (let m = 1; m < count; m++) values[m] = values[parents[m]] * z[factors[m]]
        for (let m = 0; m < count; m++) out[offset + m] += values[m]
      }
    }
    return out
  },
  polynomial({ columns, basis, coefficients, gradients, sigma }) {
    checkPolynomial(columns, basis, coefficients, gradients, sigma, rows, cols)
    const vars = columns.length
    const { count, parents, factors } = basis
    const out = new Float64Array(5 + 2 * count)
    const u = new Float64Array(vars)
    const values = new Float64Array(count)
    const g = new Float64Array(rows)
    values[0] = 1
    let sum = 0
    let magnitude = 0
    let gradientSquares = 0
    let gradientSquaresZ = 0
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < vars; j++) u[j] = data[i * cols + columns[j]]
      for (let m = 1; m < count; m++) values[m] = values[parents[m]] * u[factors[m]]
      let value = 0
      for (let m = 1; m < count; m++) {
        const c = coefficients[m]
        if (c === 0) continue
        const term = c * values[m]
        value += term
        magnitude += term * term
        out[5 + m] += values[m]
        out[5 + count + m] += values[m] * values[m]
      }
      for (let a = 0; a < vars; a++) {
        const ga = gradients[a]
        let s = 0
        for (let m = 0; m < count; m++) if (ga[m] !== 0) s += ga[m] * values[m]
        gradientSquares += s * s
        const sz = s * sigma[a]
        gradientSquaresZ += sz * sz
      }
      g[i] = value
      sum += value
    }
    const mean = sum / rows
    let squares = 0
    for (let i = 0; i < rows; i++) {
      const deviation = g[i] - mean
      squares += deviation * deviation
    }
    out.set([sum, squares, magnitude, gradientSquares, gradientSquaresZ])
    return readPolynomialSums(out, count)
  },
  dispose() {},
})
