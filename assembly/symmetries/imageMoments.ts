// The discrete-symmetry test's per-event passes (core/symmetries/discrete/imageTest.ts): for a map T (an affine
// involution in homogeneous coordinates on the standardised span coordinates), the odd part of the test functions,
// h(z) = m(z) − m(T z) with m the monomials of the basis, and either its sums and pair sums (the statistic and its
// covariance) or the signs of one combination w·h (the asymmetry). T z never exists beyond one event.
import { fillMonomials } from './monomialValues'

// @ts-ignore: decorator
@inline function oddPart(
  zi: usize, vars: i32, map: usize, parents: usize, factors: usize, count: i32, image: usize, values: usize, mapped: usize, odd: usize,
): void {
  const size = vars + 1
  for (let a = 0; a < vars; a++) {
    const row = map + (<usize>(a * size) << 3)
    let v = load<f64>(row + (<usize>vars << 3))
    for (let e = 0; e < vars; e++) v += load<f64>(row + (<usize>e << 3)) * load<f64>(zi + (<usize>e << 3))
    store<f64>(image + (<usize>a << 3), v)
  }
  fillMonomials(values, zi, parents, factors, count)
  fillMonomials(mapped, image, parents, factors, count)
  for (let m = 0; m < count; m++) {
    store<f64>(odd + (<usize>m << 3), load<f64>(values + (<usize>m << 3)) - load<f64>(mapped + (<usize>m << 3)))
  }
}

/**
 * out[m] = Σ_i h_m(z_i) and, when `pairs` is 1, out[count + p · count + q] = Σ_i h_p(z_i) h_q(z_i) (both
 * triangles), over rows events in row order. `z` is rows × vars f64, `map` (vars + 1)² f64 row-major; `scratch`
 * holds vars + 6 · count f64. Cost O(rows · (vars² + count²/2)), O(rows · (vars² + count)) without the pairs.
 * Preconditions (checked by core): rows ≥ 1, parents[m] < m.
 */
export function imageMoments(
  z: usize, rows: i32, vars: i32, map: usize, parents: usize, factors: usize, count: i32, pairs: i32, out: usize, scratch: usize,
): void {
  const image = scratch
  const values = image + (<usize>vars << 3)
  const mapped = values + (<usize>count << 3)
  // The odd parts of four events, one after another.
  const odd0 = mapped + (<usize>count << 3)
  const odd1 = odd0 + (<usize>count << 3)
  const odd2 = odd1 + (<usize>count << 3)
  const odd3 = odd2 + (<usize>count << 3)
  store<f64>(values, 1.0)
  store<f64>(mapped, 1.0)
  memory.fill(out, 0, <usize>(pairs ? count + count * count : count) << 3)
  const products = out + (<usize>count << 3)
  // Four events at a time: each sum is read and written once per four events, adding the first event's term, then
  // the second's, the third's and the fourth's (the order of one event at a time, so the same f64 values).
  const quads = rows & ~3
  for (let i = 0; i < quads; i += 4) {
    oddPart(z + (<usize>(i * vars) << 3), vars, map, parents, factors, count, image, values, mapped, odd0)
    oddPart(z + (<usize>((i + 1) * vars) << 3), vars, map, parents, factors, count, image, values, mapped, odd1)
    oddPart(z + (<usize>((i + 2) * vars) << 3), vars, map, parents, factors, count, image, values, mapped, odd2)
    oddPart(z + (<usize>((i + 3) * vars) << 3), vars, map, parents, factors, count, image, values, mapped, odd3)
    for (let p = 0; p < count; p++) {
      const at = <usize>p << 3
      const h0 = load<f64>(odd0 + at)
      const h1 = load<f64>(odd1 + at)
      const h2 = load<f64>(odd2 + at)
      const h3 = load<f64>(odd3 + at)
      store<f64>(out + at, load<f64>(out + at) + h0 + h1 + h2 + h3)
      if (!pairs) continue
      const row = products + (<usize>(p * count) << 3)
      // Two entries of the row at a time in f64x2: each sum is still its own.
      const v0 = f64x2.splat(h0)
      const v1 = f64x2.splat(h1)
      const v2 = f64x2.splat(h2)
      const v3 = f64x2.splat(h3)
      let q = p
      for (; q + 1 < count; q += 2) {
        const target = row + (<usize>q << 3)
        const entry = <usize>q << 3
        let sum = f64x2.add(v128.load(target), f64x2.mul(v0, v128.load(odd0 + entry)))
        sum = f64x2.add(sum, f64x2.mul(v1, v128.load(odd1 + entry)))
        sum = f64x2.add(sum, f64x2.mul(v2, v128.load(odd2 + entry)))
        v128.store(target, f64x2.add(sum, f64x2.mul(v3, v128.load(odd3 + entry))))
      }
      if (q < count) {
        const target = row + (<usize>q << 3)
        const entry = <usize>q << 3
        store<f64>(target, load<f64>(target) + h0 * load<f64>(odd0 + entry) + h1 * load<f64>(odd1 + entry) + h2 * load<f64>(odd2 + entry) + h3 * load<f64>(odd3 + entry))
      }
    }
  }
  for (let i = quads; i < rows; i++) {
    oddPart(z + (<usize>(i * vars) << 3), vars, map, parents, factors, count, image, values, mapped, odd0)
    for (let p = 0; p < count; p++) {
      const hp = load<f64>(odd0 + (<usize>p << 3))
      store<f64>(out + (<usize>p << 3), load<f64>(out + (<usize>p << 3)) + hp)
      if (!pairs) continue
      const row = products + (<usize>(p * count) << 3)
      for (let q = p; q < count; q++) {
        const target = row + (<usize>q << 3)
        store<f64>(target, load<f64>(target) + hp * load<f64>(odd0 + (<usize>q << 3)))
      }
    }
  }
  if (!pairs) return
  for (let p = 0; p < count; p++) {
    for (let q = 0; q < p; q++) store<f64>(products + (<usize>(p * count + q) << 3), load<f64>(products + (<usize>(q * count + p) << 3)))
  }
}

/**
 * The signs of `polynomials` odd polynomials o_t(z) = Σ_m c_tm z^α(m) over rows events (core composes each
 * o = w·m − (w·m)∘T once, so each event costs one monomial fill, shared by every map's polynomial, and one dot
 * product per polynomial): out[2t] the events with o_t > tie, out[2t + 1] those with o_t < −tie,
 * tie = 1e-12 · Σ_m |c_tm z^α(m)| (an event on the mirror, o = 0 up to rounding, counts for neither).
 * The tie needs Σ |c_tm z^α(m)| only near it: that sum is at most C_t · M (C_t = Σ_m |c_tm|, M = max_m |z^α(m)|),
 * so where |o_t| > TIE_BOUND · C_t · M (twice the tie's factor: a margin of far more than the (count + 2) roundings
 * that separate the bound from the computed sum) the sign of o_t decides as the tie would, and the sum is formed,
 * term by term as before, only for the events that fail it. The counts are those of the rule above, every time.
 * Two events at a time, one per f64x2 lane: each lane does the one-event operations in their order, so the counts
 * are those of one event and one polynomial at a time. `coefficients` is polynomials × count f64, `out`
 * 2 · polynomials f64; `scratch` holds 3 · count + polynomials f64. Cost O(rows · count · (1 + polynomials)).
 */
export function imageSigns(
  z: usize, rows: i32, vars: i32, parents: usize, factors: usize, count: i32, polynomials: i32, coefficients: usize, out: usize, scratch: usize,
): void {
  const pairValues = scratch
  const values = scratch + (<usize>count << 4)
  const sizes = values + (<usize>count << 3)
  v128.store(pairValues, f64x2.splat(1.0))
  store<f64>(values, 1.0)
  memory.fill(out, 0, <usize>(2 * polynomials) << 3)
  for (let t = 0; t < polynomials; t++) {
    const c = coefficients + (<usize>(t * count) << 3)
    let total = 0.0
    for (let m = 0; m < count; m++) total += Math.abs(load<f64>(c + (<usize>m << 3)))
    store<f64>(sizes + (<usize>t << 3), TIE_BOUND * total)
  }
  const even = rows & ~1
  for (let i = 0; i < even; i += 2) {
    const first = z + (<usize>(i * vars) << 3)
    const second = first + (<usize>vars << 3)
    let largest = f64x2.splat(1.0)
    for (let m = 1; m < count; m++) {
      const parent = <usize>load<i32>(parents + (<usize>m << 2))
      const factor = <usize>load<i32>(factors + (<usize>m << 2)) << 3
      const x = f64x2.replace_lane(f64x2.splat(load<f64>(first + factor)), 1, load<f64>(second + factor))
      const v = f64x2.mul(v128.load(pairValues + (parent << 4)), x)
      v128.store(pairValues + (<usize>m << 4), v)
      // pmax (one instruction; a NaN value is skipped: its o is NaN and goes to the tie rule, which counts it for neither)
      largest = f64x2.pmax(largest, f64x2.abs(v))
    }
    // Two polynomials at a time: two independent chains of additions (each its own, in the order of m).
    let t = 0
    for (; t + 1 < polynomials; t += 2) {
      const c = coefficients + (<usize>(t * count) << 3)
      const d = c + (<usize>count << 3)
      let o = f64x2.splat(0.0)
      let p = f64x2.splat(0.0)
      for (let m = 0; m < count; m++) {
        const v = v128.load(pairValues + (<usize>m << 4))
        o = f64x2.add(o, f64x2.mul(f64x2.splat(load<f64>(c + (<usize>m << 3))), v))
        p = f64x2.add(p, f64x2.mul(f64x2.splat(load<f64>(d + (<usize>m << 3))), v))
      }
      countPair(out, t, o, sizes, largest, c, pairValues, count)
      countPair(out, t + 1, p, sizes, largest, d, pairValues, count)
    }
    if (t < polynomials) {
      const c = coefficients + (<usize>(t * count) << 3)
      let o = f64x2.splat(0.0)
      for (let m = 0; m < count; m++) {
        o = f64x2.add(o, f64x2.mul(f64x2.splat(load<f64>(c + (<usize>m << 3))), v128.load(pairValues + (<usize>m << 4))))
      }
      countPair(out, t, o, sizes, largest, c, pairValues, count)
    }
  }
  for (let i = even; i < rows; i++) {
    fillMonomials(values, z + (<usize>(i * vars) << 3), parents, factors, count)
    for (let t = 0; t < polynomials; t++) {
      const c = coefficients + (<usize>(t * count) << 3)
      let o = 0.0
      let size = 0.0
      for (let m = 0; m < count; m++) {
        const term = load<f64>(c + (<usize>m << 3)) * load<f64>(values + (<usize>m << 3))
        o += term
        size += Math.abs(term)
      }
      const counts = out + (<usize>(2 * t) << 3)
      const tie = 1e-12 * size
      if (o > tie) store<f64>(counts, load<f64>(counts) + 1.0)
      else if (o < -tie) store<f64>(counts + 8, load<f64>(counts + 8) + 1.0)
    }
  }
}

/** Counts both lanes' o of polynomial t (coefficients at c). */
// @ts-ignore: decorator
@inline function countPair(out: usize, t: i32, o: v128, sizes: usize, largest: v128, c: usize, pairValues: usize, count: i32): void {
  const bound = f64x2.mul(f64x2.splat(load<f64>(sizes + (<usize>t << 3))), largest)
  const counts = out + (<usize>(2 * t) << 3)
  countSign(counts, f64x2.extract_lane(o, 0), f64x2.extract_lane(bound, 0), c, pairValues, count, 0)
  countSign(counts, f64x2.extract_lane(o, 1), f64x2.extract_lane(bound, 1), c, pairValues, count, 1)
}

/** The bound's factor: twice the tie's 1e-12 (see imageSigns). */
// @ts-ignore: decorator
@lazy const TIE_BOUND: f64 = 2e-12

/**
 * Counts one lane's o: by its sign where |o| is above the bound, else by the tie rule with Σ |c_m v_m| formed term by
 * term (the products of the lane's values, as the one-event loop forms them).
 */
// @ts-ignore: decorator
@inline function countSign(counts: usize, o: f64, bound: f64, c: usize, pairValues: usize, count: i32, lane: i32): void {
  // Above the subnormal range only, where each rounding is relative (an underflowed bound says nothing).
  if (bound > 1e-290 && Math.abs(o) > bound) {
    if (o > 0) store<f64>(counts, load<f64>(counts) + 1.0)
    else store<f64>(counts + 8, load<f64>(counts + 8) + 1.0)
    return
  }
  let size = 0.0
  const at = pairValues + (<usize>lane << 3)
  for (let m = 0; m < count; m++) size += Math.abs(load<f64>(c + (<usize>m << 3)) * load<f64>(at + (<usize>m << 4)))
  const tie = 1e-12 * size
  if (o > tie) store<f64>(counts, load<f64>(counts) + 1.0)
  else if (o < -tie) store<f64>(counts + 8, load<f64>(counts + 8) + 1.0)
}
