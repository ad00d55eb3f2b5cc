// Seeded random numbers: xoshiro256** with one independent stream per event.
// see: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47 (2021) 36,
//      and prng.di.unimi.it for the reference xoshiro256** and SplitMix64.
//
// Every generator calls `seedStream(seed, eventIndex)` before drawing an event, so event i depends only on
// (seed, i): a run split into chunks gives the same events, byte for byte, as one run, and accept–reject
// loops that draw a varying number of values cannot shift the events after them.

// @ts-ignore: decorator
@lazy let s0: u64 = 0
// @ts-ignore: decorator
@lazy let s1: u64 = 0
// @ts-ignore: decorator
@lazy let s2: u64 = 0
// @ts-ignore: decorator
@lazy let s3: u64 = 0

// @ts-ignore: decorator
@lazy const GOLDEN_GAMMA: u64 = 0x9e3779b97f4a7c15 // 2^64 / golden ratio, SplitMix64's increment

/** SplitMix64's output function (Stafford's Mix13), a bijection of u64 with full avalanche. */
// @ts-ignore: decorator
@inline function mix64(z: u64): u64 {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb
  return z ^ (z >> 31)
}

/** Starts the stream of event `stream` for run `seed`: four SplitMix64 outputs from a hash of both. */
export function seedStream(seed: u64, stream: u64): void {
  seedStreamKeyed(streamKey(seed), stream)
}

/** The run's half of `seedStream`, for event loops: `seedStreamKeyed(streamKey(seed), i)` is `seedStream(seed, i)`. */
// @ts-ignore: decorator
@inline export function streamKey(seed: u64): u64 {
  return mix64(seed + GOLDEN_GAMMA)
}

/** `seedStream` given the run's `streamKey`: the same state, one hash fewer per event. */
// @ts-ignore: decorator
@inline export function seedStreamKeyed(key: u64, stream: u64): void {
  let x = mix64(key ^ (stream * 0xd1b54a32d192ed03))
  x += GOLDEN_GAMMA
  s0 = mix64(x)
  x += GOLDEN_GAMMA
  s1 = mix64(x)
  x += GOLDEN_GAMMA
  s2 = mix64(x)
  x += GOLDEN_GAMMA
  s3 = mix64(x)
}

/** Next 64 random bits (xoshiro256**). */
// @ts-ignore: decorator
@inline export function nextU64(): u64 {
  const result = rotl<u64>(s1 * 5, 7) * 9
  const t = s1 << 17
  s2 ^= s0
  s3 ^= s1
  s1 ^= s2
  s0 ^= s3
  s2 ^= t
  s3 = rotl<u64>(s3, 45)
  return result
}

/** Uniform on [0, 1) with 53 random bits. */
// @ts-ignore: decorator
@inline export function uniform(): f64 {
  return uniformFromBits(nextU64())
}

/** The uniform that `uniform()` makes of the 64 bits `bits`: its top 53 bits × 2⁻⁵³ (for values drawn ahead). */
// @ts-ignore: decorator
@inline export function uniformFromBits(bits: u64): f64 {
  // A signed conversion: exact below 2^53 and one instruction, where the unsigned one tests the sign bit first.
  return <f64><i64>(bits >> 11) * 1.1102230246251565e-16 // 2^-53
}

/** Uniform on (0, 1]: safe under a logarithm. */
// @ts-ignore: decorator
@inline export function uniformOpenZero(): f64 {
  return 1.0 - uniform()
}

/** Standard normal draw, Marsaglia's polar method (no trigonometry; the second variate is dropped so that
 *  no state outlives an event's stream). */
export function normal(): f64 {
  let u: f64, v: f64, s: f64
  do {
    u = 2.0 * uniform() - 1.0
    v = 2.0 * uniform() - 1.0
    s = u * u + v * v
  } while (s >= 1.0 || s == 0.0)
  return u * Math.sqrt(-2.0 * Math.log(s) / s)
}

// @ts-ignore: decorator
@lazy export let azimuthCos: f64 = 1.0
// @ts-ignore: decorator
@lazy export let azimuthSin: f64 = 0.0

/**
 * The azimuth φ = π(2U − 1), uniform on [−π, π), of U = uniformFromBits(bits), with cos φ and sin φ left in
 * `azimuthCos` and `azimuthSin` (read them right after the call). Replaces `NativeMath.sincos(φ)` in event loops,
 * to within an ulp: with 4U − 2 = q + r, q the nearest integer (the quadrant, from the top bits) and |r| ≤ ½, r is
 * exact, x = rπ/2 goes through musl's __sin and __cos polynomials for |x| ≤ π/4, and the quadrant turn is applied by
 * exact products with 0 and ±1 rather than by branches, which a random quadrant would mispredict half the time.
 * see: musl/src/math/__sin.c and __cos.c (the same coefficients as ~lib/math's sin_kern and cos_kern)
 */
// @ts-ignore: decorator
@inline export function azimuth(bits: u64): f64 {
  const S1 = reinterpret<f64>(0xBFC5555555555549) // -1.66666666666666324348e-01
  const S2 = reinterpret<f64>(0x3F8111111110F8A6) //  8.33333333332248946124e-03
  const S3 = reinterpret<f64>(0xBF2A01A019C161D5) // -1.98412698298579493134e-04
  const S4 = reinterpret<f64>(0x3EC71DE357B1FE7D) //  2.75573137070700676789e-06
  const S5 = reinterpret<f64>(0xBE5AE5E68A2B9CEB) // -2.50507602534068634195e-08
  const S6 = reinterpret<f64>(0x3DE5D93A5ACFD57C) //  1.58969099521155010221e-10
  const C1 = reinterpret<f64>(0x3FA555555555554C) //  4.16666666666666019037e-02
  const C2 = reinterpret<f64>(0xBF56C16C16C15177) // -1.38888888888741095749e-03
  const C3 = reinterpret<f64>(0x3EFA01A019CB1590) //  2.48015872894767294178e-05
  const C4 = reinterpret<f64>(0xBE927E4F809C52AD) // -2.75573143513906633035e-07
  const C5 = reinterpret<f64>(0x3E21EE9EBDB4B1C4) //  2.08757232129817482790e-09
  const C6 = reinterpret<f64>(0xBDA8FAE9BE8838D4) // -1.13596475577881948265e-11
  const m = <i64>(bits >> 11) // 53 bits: 4U − 2 = m · 2^-51 − 2
  const k = (m + (<i64>1 << 50)) >> 51 // nearest integer to 4U, 0 … 4; the quadrant is q = k − 2
  const x = <f64>(m - (k << 51)) * 4.440892098500626e-16 * 1.5707963267948966 // r · π/2, r = (m − k·2^51) · 2^-51
  const z = x * x
  const w = z * z
  const sinX = x + z * x * (S1 + z * (S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6)))
  const hz = 0.5 * z
  const oneMinusHz = 1.0 - hz
  const cosR = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6))
  const cosX = oneMinusHz + (((1.0 - oneMinusHz) - hz) + z * cosR)
  // φ = qπ/2 + x: q = 0 → (cos x, sin x); ±1 → ±(−sin x, cos x); ±2 → −(cos x, sin x). Bit 1 of q is the sign.
  const q = <i32>k - 2
  const odd = <f64>(q & 1)
  const even = 1.0 - odd
  const sign = 1.0 - <f64>(q & 2)
  azimuthCos = sign * (cosX * even - sinX * odd)
  azimuthSin = sign * (sinX * even + cosX * odd)
  return Math.PI * (2.0 * uniformFromBits(bits) - 1.0)
}

/** Exponential draw with unit mean: −ln U, U uniform on (0, 1]. */
export function exponential(): f64 {
  return -Math.log(uniformOpenZero())
}

// Exported for tests of the RNG itself: fill `n` values of stream (seed, first + i), one value per stream,
// kind 0 uniform, 1 normal, 2 exponential, 3 raw 64 bits reinterpreted as f64 bit patterns.
export function fillRandom(seed: u64, first: u64, n: i32, perStream: i32, kind: i32, out: usize): void {
  for (let i = 0; i < n; i++) {
    seedStream(seed, first + <u64>i)
    for (let j = 0; j < perStream; j++) {
      let value: f64
      if (kind == 0) value = uniform()
      else if (kind == 1) value = normal()
      else if (kind == 2) value = exponential()
      else value = reinterpret<f64>(nextU64())
      store<f64>(out + ((<usize>(i * perStream + j)) << 3), value)
    }
  }
}
