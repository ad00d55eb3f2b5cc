// Plain-TypeScript twin of the wasm moment kernel (assembly/symmetries/monomialMoments.ts): the reference its test
// compares against and the other side of bench/symmetries.ts. Same loop, same f64 arithmetic, same block split.
import { checkRequest, type MomentAccumulatorFactory } from '../core/symmetries/blockMoments.js'

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
  dispose() {},
})
