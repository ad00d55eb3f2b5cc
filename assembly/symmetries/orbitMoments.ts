// The Monte Carlo invariance test's copies (core/symmetries/invarianceTests.ts): each copy moves every event by its
// own random element of a compact flow's cyclic subgroup, z ↦ exp(t_g Ã) [z; 1] with g uniform on the grid, and
// sums the monomials of the moved events (as monomialMoments does with one block per copy). Fused, so the moved
// copies never exist in memory.
import { seedStreamKeyed, streamKey, uniform } from '../rng'
import { addMonomials, fillMonomials } from './monomialValues'

/**
 * For copy c of `copies`: stream (seed, firstStream + c) of the project's RNG draws one uniform u_i per event in row
 * order, the event is moved by grid matrix ⌊u_i · gridCount⌋ (capped at gridCount − 1; each (vars + 1)² f64,
 * row-major, homogeneous coordinates), and the monomials of the moved point are added to out[c · count …].
 * `z` is rows × vars f64; `scratch` holds vars + count f64. Cost O(copies · rows · (vars² + count)).
 * Preconditions (checked by core): rows ≥ 1, copies ≥ 1, gridCount ≥ 1, parents[m] < m.
 */
export function orbitMoments(
  z: usize, rows: i32, vars: i32, grid: usize, gridCount: i32, parents: usize, factors: usize, count: i32,
  copies: i32, seed: u64, firstStream: u64, out: usize, scratch: usize,
): void {
  const moved = scratch
  const values = scratch + (<usize>vars << 3)
  const size = vars + 1
  const matrixBytes = <usize>(size * size) << 3
  const key = streamKey(seed)
  memory.fill(out, 0, <usize>(copies * count) << 3)
  store<f64>(values, 1.0)
  for (let c = 0; c < copies; c++) {
    seedStreamKeyed(key, firstStream + <u64>c)
    const sums = out + (<usize>(c * count) << 3)
    for (let i = 0; i < rows; i++) {
      const g = min<i32>(gridCount - 1, <i32>Math.floor(uniform() * <f64>gridCount))
      const matrix = grid + <usize>g * matrixBytes
      const point = z + (<usize>(i * vars) << 3)
      for (let a = 0; a < vars; a++) {
        const row = matrix + (<usize>(a * size) << 3)
        let v = load<f64>(row + (<usize>vars << 3))
        for (let e = 0; e < vars; e++) v += load<f64>(row + (<usize>e << 3)) * load<f64>(point + (<usize>e << 3))
        store<f64>(moved + (<usize>a << 3), v)
      }
      fillMonomials(values, moved, parents, factors, count)
      addMonomials(sums, values, count)
    }
  }
}
