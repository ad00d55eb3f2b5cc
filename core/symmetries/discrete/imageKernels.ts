import { SymscopeError } from '../../errors.js'
import type { SymscopeWasm } from '../../wasm/module.js'
import { withBasis } from '../kernels/blockMoments.js'
import type { MonomialBasis } from '../constraints/monomials.js'
import type { JacobiRotations } from '../../linalg/jacobiRotations.js'
import { wasmColumnPasses, type ColumnPassesKernel } from './columnKernels.js'

/** Events and a map for the image passes: standardised span coordinates and an involution on them. */
export interface ImageRequest {
  /** Events, rows × d f64 (standardised span coordinates). */
  z: Float64Array
  rows: number
  d: number
  /** The map z ↦ T z, (d + 1)² f64 row-major, homogeneous coordinates. */
  map: Float64Array
  /** The test functions (their odd parts h = m − m∘T are summed). */
  basis: MonomialBasis
}

/** Σ h (count) then, with `pairs`, Σ h hᵀ (count², both triangles). */
export type ImageMomentsKernel = (wasm: SymscopeWasm, request: ImageRequest, pairs: boolean) => Float64Array
/**
 * [events with o_t > 0, events with o_t < 0] for each polynomial o_t on the basis (`coefficients` holds them one
 * after another, count each; the request's map is not used): every map's sign count in one pass over the events.
 */
export type ImageSignsKernel = (wasm: SymscopeWasm, request: ImageRequest, coefficients: Float64Array) => [number, number][]

/** The Jacobi sweeps that diagonalise V = Σ h hᵀ (up to 71 × 71, once per map): core/linalg/jacobiRotations.ts or its wasm twin. */
export type ImageEigenKernel = (wasm: SymscopeWasm) => JacobiRotations

/** The per-event passes of the discrete section, swappable for their plain-TypeScript twins (reference/imageMoments.ts, reference/columnPasses.ts). */
export interface ImageKernels {
  moments: ImageMomentsKernel
  signs: ImageSignsKernel
  /** The proposal's and the halves' column passes. */
  columns: ColumnPassesKernel
  /** The whitening's eigen-decomposition. */
  rotations: ImageEigenKernel
}

/** The preconditions of both passes (the TypeScript twins check the same). */
export function checkImageRequest({ z, rows, d, map, basis }: ImageRequest): void {
  if (basis.variables !== d || z.length !== rows * d || rows < 1) {
    throw new SymscopeError('invalid_data', `image moments require rows × d events and a basis in d variables (${rows} rows, d = ${d}, basis in ${basis.variables})`)
  }
  if (map.length !== (d + 1) ** 2) throw new SymscopeError('invalid_data', `image moments require a map of (d + 1)² = ${(d + 1) ** 2} entries (got ${map.length})`)
}

const scratchSize = (request: ImageRequest) => request.d + 6 * request.basis.count

/** The pair sums in wasm (assembly/symmetries/imageMoments.ts): O(rows · (d² + count²/2)). */
export const wasmImageMoments: ImageMomentsKernel = (wasm, request, pairs) => {
  checkImageRequest(request)
  const { z, rows, d, map, basis } = request
  const count = basis.count
  const size = pairs ? count + count * count : count
  return withBasis(wasm, new Int32Array(0), basis, (put) => [put(z), put(map), wasm.allocF64(size), wasm.allocF64(scratchSize(request))],
    ([, parentsPtr, factorsPtr], [zPtr, mapPtr, outPtr, scratchPtr]) => {
      wasm.exports.imageMoments(zPtr, rows, d, mapPtr, parentsPtr, factorsPtr, count, pairs ? 1 : 0, outPtr, scratchPtr)
      return wasm.copyF64(outPtr, size)
    })
}

/** The signs of several polynomials, checked as both twins check them. */
export function signPolynomials(request: ImageRequest, coefficients: Float64Array): number {
  const count = request.basis.count
  if (coefficients.length === 0 || coefficients.length % count !== 0) {
    throw new SymscopeError('invalid_data', `image signs require polynomials of ${count} coefficients each (got ${coefficients.length} coefficients)`)
  }
  return coefficients.length / count
}

/** The sign counts in wasm, every polynomial in one pass: O(rows · count · (1 + polynomials)). */
export const wasmImageSigns: ImageSignsKernel = (wasm, request, coefficients) => {
  checkImageRequest(request)
  const polynomials = signPolynomials(request, coefficients)
  const { z, rows, d, basis } = request
  const count = basis.count
  return withBasis(wasm, new Int32Array(0), basis, (put) => [put(z), put(coefficients), wasm.allocF64(2 * polynomials), wasm.allocF64(3 * count + polynomials)],
    ([, parentsPtr, factorsPtr], [zPtr, coefficientsPtr, outPtr, scratchPtr]) => {
      wasm.exports.imageSigns(zPtr, rows, d, parentsPtr, factorsPtr, count, polynomials, coefficientsPtr, outPtr, scratchPtr)
      const out = wasm.copyF64(outPtr, 2 * polynomials)
      return Array.from({ length: polynomials }, (_, t): [number, number] => [out[2 * t], out[2 * t + 1]])
    })
}

/** The Jacobi sweeps in wasm (assembly/linalg/jacobi.ts): the same bits as core/linalg/jacobiRotations.ts, O(size³) per sweep. */
export const wasmImageRotations: ImageEigenKernel = (wasm) => (a, v, size, maxSweeps, converged) => {
  const [aPtr, vPtr] = [wasm.putF64(a), wasm.putF64(v)]
  try {
    const sweeps = wasm.exports.jacobiRotations(aPtr, vPtr, size, maxSweeps, converged)
    a.set(wasm.viewF64(aPtr, a.length))
    v.set(wasm.viewF64(vPtr, v.length))
    return sweeps
  } finally {
    wasm.free(vPtr)
    wasm.free(aPtr)
  }
}

export const wasmImageKernels: ImageKernels = { moments: wasmImageMoments, signs: wasmImageSigns, columns: wasmColumnPasses, rotations: wasmImageRotations }
