// Plain-TypeScript twin of the discrete section's column passes (assembly/symmetries/columnPasses.ts): the reference
// their test compares against and the other side of bench/symmetries.ts. The same f64 operations in the same order.
import { checkColumnPass, type ColumnPassesKernel } from '../core/symmetries/discrete/columnKernels.js'

export const typescriptColumnPasses: ColumnPassesKernel = (_wasm, data, rows, cols) => ({
  range(n) {
    checkColumnPass(n, rows, cols)
    const sums = new Float64Array(cols)
    const lo = new Float64Array(cols).fill(Infinity)
    const hi = new Float64Array(cols).fill(-Infinity)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < cols; j++) {
        const v = data[i * cols + j]
        sums[j] += v
        if (v < lo[j]) lo[j] = v
        if (v > hi[j]) hi[j] = v
      }
    }
    return { sums, lo, hi }
  },
  squares(n, centre) {
    checkColumnPass(n, rows, cols)
    const out = new Float64Array(cols)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < cols; j++) {
        const v = data[i * cols + j] - centre[j]
        out[j] += v * v
      }
    }
    return out
  },
  products(n, free, centre) {
    checkColumnPass(n, rows, cols, free)
    const d = free.length
    const out = new Float64Array(d * d)
    const u = new Float64Array(d)
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < d; a++) u[a] = data[i * cols + free[a]] - centre[a]
      for (let a = 0; a < d; a++) for (let b = a; b < d; b++) out[a * d + b] += u[a] * u[b]
    }
    return out
  },
  coordinates(from, to, free, shift, scale) {
    checkColumnPass(from, rows, cols, free)
    checkColumnPass(to, rows, cols)
    const d = free.length
    const out = new Float64Array(Math.max(to - from, 0) * d)
    for (let i = from; i < to; i++) for (let a = 0; a < d; a++) out[(i - from) * d + a] = (data[i * cols + free[a]] - shift[a]) / scale[a]
    return out
  },
  dispose() {},
})
