// Plain-TypeScript twin of the row-order kernel (assembly/symmetries/rowOrder.ts), the other side of
// bench/symmetries.ts: the same total order (feature by feature, then index), so the same permutation.
import type { RowOrderKernel } from '../core/symmetries/kernels/eventOrder.js'

export const typescriptRowOrder: RowOrderKernel = (_wasm, data, n, cols) =>
  Int32Array.from(
    Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      for (let j = 0; j < cols; j++) {
        const difference = data[a * cols + j] - data[b * cols + j]
        if (difference !== 0) return difference
      }
      return a - b
    }),
  )
