import { SymscopeError } from '../../errors.js'
import type { SymscopeWasm } from '../../wasm/module.js'
import { withBasis } from '../kernels/blockMoments.js'
import type { MonomialBasis } from '../constraints/monomials.js'

/** The Monte Carlo copies of a compact flow's test: the events, the flow's group elements, the copies to draw. */
export interface OrbitRequest {
  /** Events, rows × d f64 (standardised span coordinates). */
  z: Float64Array
  rows: number
  d: number
  /** gridCount matrices exp(t_g Ã), (d + 1)² f64 each, row-major, homogeneous coordinates. */
  grid: Float64Array
  gridCount: number
  basis: MonomialBasis
  copies: number
  /** Copy c draws its group elements from stream (seed, firstStream + c) of the project's RNG, one uniform per event. */
  seed: number
  firstStream: number
}

/** Sums of the basis' monomials over each copy's moved events: copies × basis.count f64, copy-major. */
export type OrbitMomentsKernel = (wasm: SymscopeWasm, request: OrbitRequest) => Float64Array

/** The preconditions of the orbit kernel (the TypeScript reference checks the same). */
export function checkOrbitRequest({ z, rows, d, grid, gridCount, basis, copies }: OrbitRequest): void {
  if (basis.variables !== d || z.length !== rows * d || rows < 1) {
    throw new SymscopeError('invalid_data', `orbit moments require rows × d events and a basis in d variables (${rows} rows, d = ${d}, basis in ${basis.variables})`)
  }
  if (!Number.isInteger(gridCount) || gridCount < 1 || grid.length !== gridCount * (d + 1) ** 2) {
    throw new SymscopeError('invalid_data', `orbit moments require ${gridCount} flow matrices of (d + 1)² = ${(d + 1) ** 2} entries`)
  }
  if (!Number.isInteger(copies) || copies < 1) throw new SymscopeError('invalid_data', `orbit moments require at least one copy (got ${copies})`)
}

/**
 * The copies in wasm (assembly/symmetries/orbitMoments.ts): each event moved by its own random grid element and its
 * monomials summed, fused, so the moved events never exist. Cost O(copies · rows · (d² + basis.count)).
 */
export const wasmOrbitMoments: OrbitMomentsKernel = (wasm, request) => {
  checkOrbitRequest(request)
  const { z, rows, d, grid, gridCount, basis, copies, seed, firstStream } = request
  const count = basis.count
  return withBasis(wasm, new Int32Array(0), basis, (put) => [put(z), put(grid), wasm.allocF64(copies * count), wasm.allocF64(2 * (d + 2 * count))],
    ([, parentsPtr, factorsPtr], [zPtr, gridPtr, outPtr, scratchPtr]) => {
      wasm.exports.orbitMoments(zPtr, rows, d, gridPtr, gridCount, parentsPtr, factorsPtr, count, copies, BigInt(seed), BigInt(firstStream), outPtr, scratchPtr)
      return wasm.copyF64(outPtr, copies * count)
    })
}
