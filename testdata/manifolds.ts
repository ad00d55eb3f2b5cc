// Point clouds of known intrinsic dimension for the interval tests and the coverage benchmark: uniform on closed
// manifolds (no boundary, so no point sits where the density stops), seeded with the tests' mulberry32.
import { mulberry32, normalSampler } from './random.js'

/** A generated manifold: n points × cols coordinates, row-major, and its dimension. */
export interface ManifoldSample {
  points: Float32Array
  cols: number
  dimension: number
}

/** n points uniform on the unit sphere S^d in R^(d+1): normalised Gaussian vectors. */
export function sphere(dimension: number, n: number, seed: number): ManifoldSample {
  const normal = normalSampler(mulberry32(seed))
  const cols = dimension + 1
  const points = new Float32Array(n * cols)
  for (let i = 0; i < n; i++) {
    const v = Array.from({ length: cols }, normal)
    const norm = Math.hypot(...v)
    for (let c = 0; c < cols; c++) points[i * cols + c] = v[c] / norm
  }
  return { points, cols, dimension }
}

/** n points uniform on the flat torus T^d, embedded in R^(2d) as (cos θ_1, sin θ_1, …, cos θ_d, sin θ_d). */
export function flatTorus(dimension: number, n: number, seed: number): ManifoldSample {
  const uniform = mulberry32(seed)
  const cols = 2 * dimension
  const points = new Float32Array(n * cols)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dimension; j++) {
      const angle = 2 * Math.PI * uniform()
      points[i * cols + 2 * j] = Math.cos(angle)
      points[i * cols + 2 * j + 1] = Math.sin(angle)
    }
  }
  return { points, cols, dimension }
}
