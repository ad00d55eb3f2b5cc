import { SymscopeError } from '../../errors.js'
import type { SymscopeWasm } from '../../wasm/module.js'
import type { MonomialBasis } from '../constraints/monomials.js'

/** Which standardised coordinates to take monomials of: z_j = (x[·, columns[j]] − shift_j) · scale_j. */
export interface MomentColumns {
  columns: Int32Array
  shift: Float64Array
  scale: Float64Array
}

/**
 * The hot loop of the symmetry search behind one interface, so the benchmark can swap wasm for plain TypeScript:
 * block sums of every monomial of `basis` in the standardised coordinates, blocks × basis.count f64 (block-major;
 * block b holds rows ⌊b·n/B⌋ … ⌊(b+1)·n/B⌋ − 1, where B = blocks). `dispose` frees what the accumulator holds.
 */
export interface MomentAccumulator {
  sums(coordinates: MomentColumns, basis: MonomialBasis, blocks: number): Float64Array
  /** A polynomial in the raw columns and its gradient summed over every row (a constraint measured on the events). */
  polynomial(request: PolynomialRequest): PolynomialSums
  dispose(): void
}

/** g = Σ_m coefficients[m] u^α(m) on `basis` in the raw columns u_j = x[·, columns[j]], with ∂_a g = gradients[a]. */
export interface PolynomialRequest {
  columns: Int32Array
  basis: MonomialBasis
  coefficients: Float64Array
  gradients: readonly Float64Array[]
  /** Per-column factors σ_a of the second gradient norm Σ_a (σ_a ∂_a g)² (the gradient in standardised units). */
  sigma: Float64Array
}

/** Totals over the rows (assembly/symmetries/polynomialSums.ts): Σ g, Σ (g − ḡ)², Σ_terms (c_m u^α)², Σ |∇g|², Σ |σ∘∇g|², and per monomial with c_m ≠ 0 Σ u^α and Σ (u^α)². */
export interface PolynomialSums {
  sum: number
  squares: number
  magnitude: number
  gradientSquares: number
  gradientSquaresZ: number
  termSum: Float64Array
  termSquares: Float64Array
}

/** The layout of polynomialSums' output: five totals, then the per-monomial sums and sums of squares. */
export function readPolynomialSums(out: Float64Array, count: number): PolynomialSums {
  return {
    sum: out[0], squares: out[1], magnitude: out[2], gradientSquares: out[3], gradientSquaresZ: out[4],
    termSum: out.slice(5, 5 + count), termSquares: out.slice(5 + count, 5 + 2 * count),
  }
}

/** Makes an accumulator over one row-major f64 matrix (rows × cols), e.g. `wasmMoments`. */
export type MomentAccumulatorFactory = (wasm: SymscopeWasm, data: Float64Array, rows: number, cols: number) => MomentAccumulator

/**
 * Block sums of monomials in wasm (assembly/symmetries/monomialMoments.ts): the events are copied into wasm memory
 * once and every later `sums` call reads them there. Cost per call O(rows · basis.count).
 *
 * @throws {SymscopeError} invalid_data when a request has more blocks than rows or a column outside the matrix
 */
export const wasmMoments: MomentAccumulatorFactory = (wasm, data, rows, cols) => {
  let dataPtr = wasm.putF64(data)
  return {
    sums({ columns, shift, scale }, basis, blocks) {
      checkRequest(columns, shift, scale, basis, blocks, rows, cols)
      const count = basis.count
      return withBasis(wasm, columns, basis, (put) => [put(shift), put(scale), wasm.allocF64(blocks * count), wasm.allocF64(columns.length + count)],
        ([columnsPtr, parentsPtr, factorsPtr], [shiftPtr, scalePtr, outPtr, scratchPtr]) => {
          wasm.exports.monomialMoments(
            dataPtr, rows, cols, columnsPtr, columns.length, shiftPtr, scalePtr, parentsPtr, factorsPtr, count, blocks, outPtr, scratchPtr,
          )
          return wasm.copyF64(outPtr, blocks * count)
        })
    },
    polynomial({ columns, basis, coefficients, gradients, sigma }) {
      checkPolynomial(columns, basis, coefficients, gradients, sigma, rows, cols)
      const count = basis.count
      const vars = columns.length
      const gradient = new Float64Array(vars * count)
      gradients.forEach((g, a) => gradient.set(g, a * count))
      // The nonzero entries only, in m order (an approximate constraint simplified to a few terms, its gradient fewer).
      const nonzero = (p: Float64Array, from: number) => Array.from(p.keys()).filter((m) => m >= from && p[m] !== 0)
      const terms = nonzero(coefficients, 1)
      const gradientLists = gradients.map((g) => nonzero(g, 0))
      const starts = [0]
      for (const list of gradientLists) starts.push(starts.at(-1)! + list.length)
      // One i32 block (terms, the gradients' terms, their starts), written through a view after the last allocation.
      const ints = Int32Array.from([...terms, ...gradientLists.flat(), ...starts])
      return withBasis(wasm, columns, basis, (put) => [put(coefficients), put(gradient), put(sigma), wasm.exports.alloc(Math.max(ints.length, 1) * 4), wasm.allocF64(5 + 2 * count), wasm.allocF64(vars + count + rows)],
        ([columnsPtr, parentsPtr, factorsPtr], [coefficientsPtr, gradientsPtr, sigmaPtr, intsPtr, outPtr, scratchPtr]) => {
          new Int32Array(wasm.exports.memory.buffer, intsPtr, ints.length).set(ints)
          const gradientTermsPtr = intsPtr + terms.length * 4
          const startsPtr = gradientTermsPtr + (starts.at(-1) ?? 0) * 4
          wasm.exports.polynomialSums(
            dataPtr, rows, cols, columnsPtr, vars, parentsPtr, factorsPtr, count, coefficientsPtr, gradientsPtr, sigmaPtr,
            intsPtr, terms.length, gradientTermsPtr, startsPtr, outPtr, scratchPtr,
          )
          return readPolynomialSums(wasm.copyF64(outPtr, 5 + 2 * count), count)
        })
    },
    dispose() {
      if (dataPtr) wasm.free(dataPtr)
      dataPtr = 0
    },
  }
}

/**
 * Runs a symmetry kernel with `columns` and the basis' parents and factors (i32) in wasm memory, after `allocate`
 * has placed its own buffers (each pointer it returns is freed afterwards, as are these). The i32 views are written
 * after the last allocation, since growing the memory detaches earlier views.
 */
export function withBasis<T>(
  wasm: SymscopeWasm, columns: Int32Array, basis: MonomialBasis, allocate: (put: (values: ArrayLike<number>) => number) => number[],
  run: (basisPointers: [number, number, number], buffers: number[]) => T,
): T {
  const pointers: number[] = []
  try {
    for (const length of [Math.max(columns.length, 1), basis.count, basis.count]) pointers.push(wasm.exports.alloc(length * 4))
    const buffers: number[] = []
    for (const pointer of allocate((values) => wasm.putF64(values))) pointers.push(pointer), buffers.push(pointer)
    const [columnsPtr, parentsPtr, factorsPtr] = pointers
    const buffer = wasm.exports.memory.buffer
    new Int32Array(buffer, columnsPtr, columns.length).set(columns)
    new Int32Array(buffer, parentsPtr, basis.count).set(basis.parents)
    new Int32Array(buffer, factorsPtr, basis.count).set(basis.factors)
    return run([columnsPtr, parentsPtr, factorsPtr], buffers)
  } finally {
    for (const pointer of pointers) wasm.free(pointer)
  }
}

/** The preconditions of the moment kernel, checked before the call (the TypeScript reference checks the same). */
export function checkRequest(
  columns: Int32Array, shift: Float64Array, scale: Float64Array, basis: MonomialBasis, blocks: number, rows: number, cols: number,
): void {
  if (columns.length !== basis.variables || shift.length !== columns.length || scale.length !== columns.length) {
    throw new SymscopeError('invalid_data', `monomial moments require one shift and scale per column (${columns.length} columns, basis in ${basis.variables})`)
  }
  if (!Number.isInteger(blocks) || blocks < 1 || blocks > rows) {
    throw new SymscopeError('invalid_data', `monomial moments require 1 to ${rows} blocks (got ${blocks})`)
  }
  for (const c of columns) {
    if (!Number.isInteger(c) || c < 0 || c >= cols) throw new SymscopeError('invalid_data', `monomial moments: column ${c} is outside 0 … ${cols - 1}`)
  }
}

/** The preconditions of the polynomial kernel (the TypeScript reference checks the same). */
export function checkPolynomial(
  columns: Int32Array, basis: MonomialBasis, coefficients: Float64Array, gradients: readonly Float64Array[], sigma: Float64Array, rows: number, cols: number,
): void {
  if (columns.length !== basis.variables || gradients.length !== columns.length || sigma.length !== columns.length) {
    throw new SymscopeError('invalid_data', `polynomial sums require one gradient and σ per column (${columns.length} columns, basis in ${basis.variables})`)
  }
  if (coefficients.length !== basis.count || gradients.some((g) => g.length !== basis.count)) {
    throw new SymscopeError('invalid_data', `polynomial sums require ${basis.count} coefficients per polynomial`)
  }
  if (rows < 1) throw new SymscopeError('invalid_data', 'polynomial sums require at least one row')
  for (const c of columns) {
    if (!Number.isInteger(c) || c < 0 || c >= cols) throw new SymscopeError('invalid_data', `polynomial sums: column ${c} is outside 0 … ${cols - 1}`)
  }
}

/** Rows in block b of `blocks` over `rows` rows: the kernel's split. */
export function blockSizes(rows: number, blocks: number): number[] {
  return Array.from({ length: blocks }, (_, b) => Math.floor(((b + 1) * rows) / blocks) - Math.floor((b * rows) / blocks))
}
