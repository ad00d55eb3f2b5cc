import { SymscopeError } from '../../errors.js'
import type { SymscopeWasm } from '../../wasm/module.js'

/**
 * The discrete section's passes over the events' columns (the proposal's means, spreads and ranges, the span
 * coordinates' covariance, the standardised halves), over one copy of the events: in wasm
 * (assembly/symmetries/columnPasses.ts) or their plain-TypeScript twins (reference/columnPasses.ts), equal bit for bit.
 * Row counts count from the first row.
 */
export interface ColumnPasses {
  /** Σ x, min x and max x of each column over the first `rows` rows. */
  range(rows: number): { sums: Float64Array; lo: Float64Array; hi: Float64Array }
  /** Σ (x_j − centre_j)² of each column over the first `rows` rows (`centre`: one per column). */
  squares(rows: number, centre: ArrayLike<number>): Float64Array
  /** Σ u_a u_b (b ≥ a; d × d, the lower triangle 0), u_a = x[free[a]] − centre[a], over the first `rows` rows. */
  products(rows: number, free: Int32Array, centre: ArrayLike<number>): Float64Array
  /** (x[free[a]] − shift[a]) / scale[a] for rows from ≤ i < to, (to − from) × d. */
  coordinates(from: number, to: number, free: Int32Array, shift: ArrayLike<number>, scale: ArrayLike<number>): Float64Array
  dispose(): void
}

export type ColumnPassesKernel = (wasm: SymscopeWasm, data: Float64Array, rows: number, cols: number) => ColumnPasses

/** The preconditions of every pass (the twins check the same). */
export function checkColumnPass(rows: number, total: number, cols: number, free?: Int32Array): void {
  if (!(Number.isInteger(rows) && rows >= 0 && rows <= total)) throw new SymscopeError('invalid_data', `column passes read 0 to ${total} rows (asked for ${rows})`)
  if (free?.some((j) => !(j >= 0 && j < cols))) throw new SymscopeError('invalid_data', `column passes read columns 0 to ${cols - 1} (asked for ${Array.from(free).join(', ')})`)
}

/** The passes in wasm: the events copied into wasm memory once, each pass O(rows · cols) or O(rows · d²/2). */
export const wasmColumnPasses: ColumnPassesKernel = (wasm, data, rows, cols) => {
  if (data.length !== rows * cols) throw new SymscopeError('invalid_data', `column passes require rows × cols = ${rows * cols} values (got ${data.length})`)
  let dataPtr = wasm.putF64(data)
  const call = <T>(inputs: ArrayLike<number>[], ints: Int32Array[], outputs: number[], run: (pointers: number[], outs: number[]) => void, read: (outs: number[]) => T): T => {
    const pointers: number[] = []
    const outs: number[] = []
    try {
      for (const values of inputs) pointers.push(wasm.putF64(values))
      for (const values of ints) {
        const pointer = wasm.exports.alloc(Math.max(values.length, 1) * 4)
        pointers.push(pointer)
        new Int32Array(wasm.exports.memory.buffer, pointer, values.length).set(values)
      }
      for (const count of outputs) outs.push(wasm.allocF64(Math.max(count, 1)))
      run(pointers, outs)
      return read(outs)
    } finally {
      for (const pointer of [...pointers, ...outs]) wasm.free(pointer)
    }
  }
  return {
    range(n) {
      checkColumnPass(n, rows, cols)
      return call([], [], [3 * cols], (_, [out]) => wasm.exports.columnRange(dataPtr, n, cols, out), ([out]) => {
        const all = wasm.copyF64(out, 3 * cols)
        return { sums: all.subarray(0, cols), lo: all.subarray(cols, 2 * cols), hi: all.subarray(2 * cols) }
      })
    },
    squares(n, centre) {
      checkColumnPass(n, rows, cols)
      return call([centre], [], [cols], ([c], [out]) => wasm.exports.centredSquares(dataPtr, n, cols, c, out), ([out]) => wasm.copyF64(out, cols))
    },
    products(n, free, centre) {
      checkColumnPass(n, rows, cols, free)
      const d = free.length
      return call([centre], [free], [d * d, d], ([c, f], [out, scratch]) => wasm.exports.centredProducts(dataPtr, n, cols, f, d, c, out, scratch), ([out]) => wasm.copyF64(out, d * d))
    },
    coordinates(from, to, free, shift, scale) {
      checkColumnPass(from, rows, cols, free)
      checkColumnPass(to, rows, cols)
      const d = free.length
      const count = Math.max(to - from, 0) * d
      return call([shift, scale], [free], [count], ([s, c, f], [out]) => wasm.exports.spanCoordinates(dataPtr, from, to, cols, f, d, s, c, out), ([out]) => wasm.copyF64(out, count))
    },
    dispose() {
      if (dataPtr) wasm.free(dataPtr)
      dataPtr = 0
    },
  }
}
