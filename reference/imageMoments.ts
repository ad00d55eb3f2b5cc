// Plain-TypeScript twins of the discrete section's image passes (assembly/symmetries/imageMoments.ts): the reference
// their test compares against and the other side of bench/symmetries.ts. The same f64 operations in the same order.
import { checkImageRequest, signPolynomials, type ImageKernels, type ImageRequest } from '../core/symmetries/discrete/imageKernels.js'
import { typescriptColumnPasses } from './columnPasses.js'
import { jacobiRotations } from '../core/linalg/jacobiRotations.js'

function oddParts(request: ImageRequest) {
  const { z, d, map, basis } = request
  const { count, parents, factors } = basis
  const size = d + 1
  const image = new Float64Array(d)
  const values = new Float64Array(count)
  const mapped = new Float64Array(count)
  const odd = new Float64Array(count)
  values[0] = 1
  mapped[0] = 1
  return (i: number) => {
    for (let a = 0; a < d; a++) {
      let v = map[a * size + d]
      for (let e = 0; e < d; e++) v += map[a * size + e] * z[i * d + e]
      image[a] = v
    }
    for (let m = 1; m < count; m++) values[m] = values[parents[m]] * z[i * d + factors[m]]
    for (let m = 1; m < count; m++) mapped[m] = mapped[parents[m]] * image[factors[m]]
    for (let m = 0; m < count; m++) odd[m] = values[m] - mapped[m]
    return odd
  }
}

export const typescriptImageKernels: ImageKernels = {
  rotations: () => jacobiRotations,
  columns: typescriptColumnPasses,
  moments(_wasm, request, pairs) {
    checkImageRequest(request)
    const count = request.basis.count
    const out = new Float64Array(pairs ? count + count * count : count)
    const at = oddParts(request)
    for (let i = 0; i < request.rows; i++) {
      const h = at(i)
      for (let p = 0; p < count; p++) {
        out[p] += h[p]
        if (pairs) for (let q = p; q < count; q++) out[count + p * count + q] += h[p] * h[q]
      }
    }
    if (pairs) for (let p = 0; p < count; p++) for (let q = 0; q < p; q++) out[count + p * count + q] = out[count + q * count + p]
    return out
  },
  signs(_wasm, request, coefficients) {
    checkImageRequest(request)
    const polynomials = signPolynomials(request, coefficients)
    const { z, d, basis } = request
    const { count, parents, factors } = basis
    const values = new Float64Array(count)
    values[0] = 1
    const counts = Array.from({ length: polynomials }, (): [number, number] => [0, 0])
    for (let i = 0; i < request.rows; i++) {
      for (let m = 1; m < count; m++) values[m] = values[parents[m]] * z[i * d + factors[m]]
      for (let t = 0; t < polynomials; t++) {
        let o = 0
        let size = 0
        for (let m = 0; m < count; m++) {
          const term = coefficients[t * count + m] * values[m]
          o += term
          size += Math.abs(term)
        }
        if (o > 1e-12 * size) counts[t][0]++
        else if (o < -1e-12 * size) counts[t][1]++
      }
    }
    return counts
  },
}
