// Plain-TypeScript twin of the orbit kernel (assembly/symmetries/orbitMoments.ts): the reference its test compares
// against and the other side of bench/symmetries.ts. The uniforms come from the same RNG streams (the wasm RNG's
// fillRandom, one stream per copy); the move and the sums are the same f64 operations in the same order.
import { checkOrbitRequest, type OrbitMomentsKernel } from '../core/symmetries/orbitMoments.js'

export const typescriptOrbitMoments: OrbitMomentsKernel = (wasm, request) => {
  checkOrbitRequest(request)
  const { z, rows, d, grid, gridCount, basis, copies, seed, firstStream } = request
  const { count, parents, factors } = basis
  const size = d + 1
  const out = new Float64Array(copies * count)
  const moved = new Float64Array(d)
  const values = new Float64Array(count)
  values[0] = 1
  const uniformsPtr = wasm.allocF64(rows)
  try {
    for (let c = 0; c < copies; c++) {
      wasm.exports.fillRandom(BigInt(seed), BigInt(firstStream + c), 1, rows, 0, uniformsPtr)
      const uniforms = wasm.viewF64(uniformsPtr, rows)
      const offset = c * count
      for (let i = 0; i < rows; i++) {
        const matrix = Math.min(gridCount - 1, Math.floor(uniforms[i] * gridCount)) * size * size
        for (let a = 0; a < d; a++) {
          let v = grid[matrix + a * size + d]
          for (let e = 0; e < d; e++) v += grid[matrix + a * size + e] * z[i * d + e]
          moved[a] = v
        }
        for (let m = 1; m < count; m++) values[m] = values[parents[m]] * moved[factors[m]]
        for (let m = 0; m < count; m++) out[offset + m] += values[m]
      }
    }
  } finally {
    wasm.free(uniformsPtr)
  }
  return out
}
