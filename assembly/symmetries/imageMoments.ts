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
 * Two events at a time, one per f64x2 lane: each lane does the one-event operations in their order, so the counts
 * are those of one event and one polynomial at a time. `coefficients` is polynomials × count f64, `out`
 * 2 · polynomials f64; `scratch` holds 3 · count f64. Cost O(rows · (count + polynomials · count)).
 */
export function imageSigns(
  z: usize, rows: i32, vars: i32, parents: usize, factors: usize, count: i32, polynomials: i32, coefficients: usize, out: usize, scratch: usize,
): void {
  const pairValues = scratch
  const values = scratch + (<usize>count << 4)
  v128.store(pairValues, f64x2.splat(1.0))
  store<f64>(values, 1.0)
  memory.fill(out, 0, <usize>(2 * polynomials) << 3)
  const even = rows & ~1
  for (let i = 0; i < even; i += 2) {
    const first = z + (<usize>(i * vars) << 3)
    const second = first + (<usize>vars << 3)
    for (let m = 1; m < count; m++) {
      const parent = <usize>load<i32>(parents + (<usize>m << 2))
      const factor = <usize>load<i32>(factors + (<usize>m << 2)) << 3
      const x = f64x2.replace_lane(f64x2.splat(load<f64>(first + factor)), 1, load<f64>(second + factor))
      v128.store(pairValues + (<usize>m << 4), f64x2.mul(v128.load(pairValues + (parent << 4)), x))
    }
    for (let t = 0; t < polynomials; t++) {
      const c = coefficients + (<usize>(t * count) << 3)
      let o = f64x2.splat(0.0)
      let size = f64x2.splat(0.0)
      for (let m = 0; m < count; m++) {
        const term = f64x2.mul(f64x2.splat(load<f64>(c + (<usize>m << 3))), v128.load(pairValues + (<usize>m << 4)))
        o = f64x2.add(o, term)
        size = f64x2.add(size, f64x2.abs(term))
      }
      const counts = out + (<usize>(2 * t) << 3)
      const o0 = f64x2.extract_lane(o, 0)
      const tie0 = 1e-12 * f64x2.extract_lane(size, 0)
      if (o0 > tie0) store<f64>(counts, load<f64>(counts) + 1.0)
      else if (o0 < -tie0) store<f64>(counts + 8, load<f64>(counts + 8) + 1.0)
      const o1 = f64x2.extract_lane(o, 1)
      const tie1 = 1e-12 * f64x2.extract_lane(size, 1)
      if (o1 > tie1) store<f64>(counts, load<f64>(counts) + 1.0)
      else if (o1 < -tie1) store<f64>(counts + 8, load<f64>(counts + 8) + 1.0)
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
