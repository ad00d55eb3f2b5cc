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
  let x = mix64(mix64(seed + GOLDEN_GAMMA) ^ (stream * 0xd1b54a32d192ed03))
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
  return <f64>(nextU64() >> 11) * 1.1102230246251565e-16 // 2^-53
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
