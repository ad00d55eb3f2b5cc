import { permutation } from '../random/permutation.js'
import type { SymscopeWasm } from '../wasm/module.js'
import { EVENT_ORDER_SEED } from './tolerances.js'

/**
 * The events in the order the symmetry search reads them: sorted (rows compared feature by feature, so the file's
 * order no longer matters), then shuffled by a seeded permutation (so that every block of consecutive rows, and each
 * half, is a random sample), then the first `rows` of them. A CSV sorted by a feature and the same CSV shuffled give
 * the same bytes here, hence the same section. O(n log n · D).
 */
export function eventOrder(wasm: SymscopeWasm, data: ArrayLike<number>, n: number, cols: number, rows: number): Float64Array {
  const sorted = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (let j = 0; j < cols; j++) {
      const difference = data[a * cols + j] - data[b * cols + j]
      if (difference !== 0) return difference
    }
    return a - b
  })
  const shuffle = permutation(wasm, EVENT_ORDER_SEED, 0, n)
  const out = new Float64Array(rows * cols)
  for (let i = 0; i < rows; i++) {
    const source = sorted[shuffle[i]] * cols
    for (let j = 0; j < cols; j++) out[i * cols + j] = data[source + j]
  }
  return out
}
