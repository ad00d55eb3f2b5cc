// Plain-TypeScript twin of the orbit kernel (assembly/symmetries/orbitMoments.ts): the reference its test compares
// against and the other side of bench/symmetries.ts. The uniforms come from the same RNG streams (the wasm RNG's
// fillRandom, one stream per copy); the move and the sums are the same f64 operations in the same order (the
// kernel's two lanes: even and odd events summed apart, then added, then the last event when rows is odd).
import { checkOrbitRequest, type OrbitMomentsKernel } from '../core/symmetries/invariance/orbitMoments.js'

export const typescriptOrbitMoments: OrbitMomentsKernel = (wasm, request) => {
  checkOrbitRequest(request)
  const { z, rows, d, grid, gridCount, basis, copies, seed, firstStream } = request
  const { count, parents, factors } = basis
  const size = d + 1
  const out = new Float64Array(copies * count)
  const moved = new Float64Array(d)
  const values = new Float64Array(count)
  const lanes = [new Float64Array(count), new Float64Array(count)]
  values[0] = 1
  const monomialsAt = (i: number, uniform: number) => {
    const matrix = Math.min(gridCount - 1, Math.floor(uniform * gridCount)) * size * size
    for (let a = 0; a < d; a++) {
      let v = grid[matrix + a * size + d]
      for (let e = 0; e < d; e++) v += grid[matrix + a * size + e] * z[i * d + e]
      moved[a] = v
    }
    for (let m = 1; m < count; m++) values[m] = values[parents[m]] * moved[factors[m]]
  }
  const uniformsPtr = wasm.allocF64(rows)
  try {
    for (let c = 0; c < copies; c++) {
      wasm.exports.fillRandom(BigInt(seed), BigInt(firstStream + c), 1, rows, 0, uniformsPtr)
      const uniforms = wasm.viewF64(uniformsPtr, rows)
      for (const lane of lanes) lane.fill(0)
      for (let i = 0; i < (rows & ~1); i++) {
        monomialsAt(i, uniforms[i])
        const lane = lanes[i & 1]
        for (let m = 0; m < count; m++) lane[m] += values[m]
      }
      const offset = c * count
      for (let m = 0; m < count; m++) out[offset + m] = lanes[0][m] + lanes[1][m]
      if (rows & 1) {
        monomialsAt(rows - 1, uniforms[rows - 1])
        for (let m = 0; m < count; m++) out[offset + m] += values[m]
      }
    }
  } finally {
    wasm.free(uniformsPtr)
  }
  return out
}
