// The Monte Carlo invariance test's copies (core/symmetries/invariance/invarianceTests.ts): each copy moves every event by its
// own random element of a compact flow's cyclic subgroup, z ↦ exp(t_g Ã) [z; 1] with g uniform on the grid, and
// sums the monomials of the moved events (as monomialMoments does with one block per copy). Fused, so the moved
// copies never exist in memory.
import { seedStreamKeyed, streamKey, uniform } from '../rng'

/**
 * For copy c of `copies`: stream (seed, firstStream + c) of the project's RNG draws one uniform u_i per event in row
 * order, the event is moved by grid matrix ⌊u_i · gridCount⌋ (capped at gridCount − 1; each (vars + 1)² f64,
 * row-major, homogeneous coordinates), and the monomials of the moved point are added to out[c · count …].
 * Two events at a time, one per f64x2 lane (the monomial recursion's index loads shared): each sum is
 * (Σ over even events + Σ over odd events) + the last event when rows is odd, in row order within each lane.
 * `z` is rows × vars f64; `scratch` holds 2 · (vars + 2 · count) f64, 16-byte aligned.
 * Cost O(copies · rows · (vars² + count)).
 * Preconditions (checked by core): rows ≥ 1, copies ≥ 1, gridCount ≥ 1, parents[m] < m.
 */
export function orbitMoments(
  z: usize, rows: i32, vars: i32, grid: usize, gridCount: i32, parents: usize, factors: usize, count: i32,
  copies: i32, seed: u64, firstStream: u64, out: usize, scratch: usize,
): void {
  const moved = scratch // vars × f64x2
  const values = moved + (<usize>vars << 4) // count × f64x2
  const lanes = values + (<usize>count << 4) // count × f64x2: the even and odd events' sums
  const size = vars + 1
  const matrixBytes = <usize>(size * size) << 3
  const key = streamKey(seed)
  const pairs = rows >> 1
  v128.store(values, f64x2.splat(1.0))
  for (let c = 0; c < copies; c++) {
    seedStreamKeyed(key, firstStream + <u64>c)
    memory.fill(lanes, 0, <usize>count << 4)
    for (let pair = 0; pair < pairs; pair++) {
      const first = pair << 1
      const matrixA = grid + <usize>min<i32>(gridCount - 1, <i32>Math.floor(uniform() * <f64>gridCount)) * matrixBytes
      const matrixB = grid + <usize>min<i32>(gridCount - 1, <i32>Math.floor(uniform() * <f64>gridCount)) * matrixBytes
      movePair(moved, z + (<usize>(first * vars) << 3), z + (<usize>((first + 1) * vars) << 3), matrixA, matrixB, vars, size)
      fillPair(values, moved, parents, factors, count)
      for (let m = 0; m < count; m++) {
        const target = lanes + (<usize>m << 4)
        v128.store(target, f64x2.add(v128.load(target), v128.load(values + (<usize>m << 4))))
      }
    }
    const sums = out + (<usize>(c * count) << 3)
    for (let m = 0; m < count; m++) {
      const lane = v128.load(lanes + (<usize>m << 4))
      store<f64>(sums + (<usize>m << 3), f64x2.extract_lane(lane, 0) + f64x2.extract_lane(lane, 1))
    }
    if (rows & 1) {
      // The last event alone: lane 0 (lane 1 repeats it and is not added).
      const last = z + (<usize>((rows - 1) * vars) << 3)
      const matrix = grid + <usize>min<i32>(gridCount - 1, <i32>Math.floor(uniform() * <f64>gridCount)) * matrixBytes
      movePair(moved, last, last, matrix, matrix, vars, size)
      fillPair(values, moved, parents, factors, count)
      for (let m = 0; m < count; m++) {
        const target = sums + (<usize>m << 3)
        store<f64>(target, load<f64>(target) + f64x2.extract_lane(v128.load(values + (<usize>m << 4)), 0))
      }
    }
  }
}

/** moved[a] = (row a of matrix A · [pointA; 1], row a of matrix B · [pointB; 1]) as one f64x2, the offset first. */
// @ts-ignore: decorator
@inline function movePair(moved: usize, pointA: usize, pointB: usize, matrixA: usize, matrixB: usize, vars: i32, size: i32): void {
  for (let a = 0; a < vars; a++) {
    const rowA = matrixA + (<usize>(a * size) << 3)
    const rowB = matrixB + (<usize>(a * size) << 3)
    let vA = load<f64>(rowA + (<usize>vars << 3))
    let vB = load<f64>(rowB + (<usize>vars << 3))
    for (let e = 0; e < vars; e++) {
      vA += load<f64>(rowA + (<usize>e << 3)) * load<f64>(pointA + (<usize>e << 3))
      vB += load<f64>(rowB + (<usize>e << 3)) * load<f64>(pointB + (<usize>e << 3))
    }
    v128.store(moved + (<usize>a << 4), f64x2.replace_lane(f64x2.splat(vA), 1, vB))
  }
}

/** The monomials of both lanes' points: values[m] = values[parents[m]] · moved[factors[m]], lane by lane. */
// @ts-ignore: decorator
@inline function fillPair(values: usize, moved: usize, parents: usize, factors: usize, count: i32): void {
  for (let m = 1; m < count; m++) {
    const parent = <usize>load<i32>(parents + (<usize>m << 2))
    const factor = <usize>load<i32>(factors + (<usize>m << 2))
    v128.store(values + (<usize>m << 4), f64x2.mul(v128.load(values + (parent << 4)), v128.load(moved + (factor << 4))))
  }
}
