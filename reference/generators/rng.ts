// Benchmark reference only: the RNG of assembly/rng.ts (xoshiro256** with one SplitMix64-seeded stream per event)
// in plain TypeScript, for the wasm-versus-JavaScript comparison. Same algorithm, same bits.
// see: D. Blackman and S. Vigna, ACM TOMS 47 (2021) 36; prng.di.unimi.it.
//
// JavaScript has no 64-bit integer arithmetic short of BigInt, which allocates and is several times slower still, so
// every u64 is a pair of 32-bit halves (hi, lo), kept as signed int32 (`| 0`); unsigned views (`>>> 0`) are taken
// inside expressions only. The state lives in the fields of one object, as assembly/rng.ts keeps it in globals: V8
// stores int32 fields unboxed, whereas module-level `let`s holding int32 values beyond the small-integer range become
// heap numbers on every store. Measured here: fields are as fast as `let`s in Node and 2.3× faster inside workerd,
// whose V8 uses 31-bit small integers (pointer compression). V8 inlines these small functions into the loops.

const TWO_32 = 4294967296
const TWO_M53 = 1.1102230246251565e-16

/** xoshiro256** state s0 … s3 as halves, then the result (outHi, outLo) of the last operation returning a u64. */
class State {
  s0h = 0
  s0l = 0
  s1h = 0
  s1l = 0
  s2h = 0
  s2l = 0
  s3h = 0
  s3l = 0
  outHi = 0
  outLo = 0
}
const state = new State()

/** Low 64 bits of (ah, al) · (bh, bl) into (outHi, outLo): 32 × 32 → 64 from 16-bit pieces, plus the cross terms. */
function multiply64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff
  const a1 = al >>> 16
  const b0 = bl & 0xffff
  const b1 = bl >>> 16
  const p00 = a0 * b0
  const p01 = a0 * b1
  const p10 = a1 * b0
  const middle = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff)
  state.outLo = (middle << 16) | (p00 & 0xffff)
  const high = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (middle >>> 16)
  state.outHi = (high + Math.imul(al, bh) + Math.imul(ah, bl)) | 0
}

/** SplitMix64's output function of (hi, lo), into (outHi, outLo). */
function mix64(hi: number, lo: number): void {
  lo ^= (lo >>> 30) | (hi << 2)
  hi ^= hi >>> 30
  multiply64(hi, lo, 0xbf58476d | 0, 0x1ce4e5b9)
  hi = state.outHi
  lo = state.outLo
  lo ^= (lo >>> 27) | (hi << 5)
  hi ^= hi >>> 27
  multiply64(hi, lo, 0x94d049bb | 0, 0x133111eb)
  hi = state.outHi
  lo = state.outLo
  state.outLo = lo ^ ((lo >>> 31) | (hi << 1))
  state.outHi = hi ^ (hi >>> 31)
}

/** (hi, lo) + 2^64 / golden ratio, into (outHi, outLo). */
function addGoldenGamma(hi: number, lo: number): void {
  const sum = (lo >>> 0) + 0x7f4a7c15
  state.outLo = sum | 0
  state.outHi = (hi + 0x9e3779b9 + (sum >= TWO_32 ? 1 : 0)) | 0
}

/** The run's key for `seedStream` (seed an integer below 2^53): mix64(seed + γ) as [hi, lo]. */
export function streamKey(seed: number): [number, number] {
  addGoldenGamma(Math.floor(seed / TWO_32) | 0, seed | 0)
  mix64(state.outHi, state.outLo)
  return [state.outHi, state.outLo]
}

/** Starts stream `stream` (an integer below 2^53) of the run with key (keyHi, keyLo): the state of seedStream. */
export function seedStream(keyHi: number, keyLo: number, stream: number): void {
  multiply64(Math.floor(stream / TWO_32) | 0, stream | 0, 0xd1b54a32 | 0, 0xd192ed03 | 0)
  mix64(keyHi ^ state.outHi, keyLo ^ state.outLo)
  addGoldenGamma(state.outHi, state.outLo)
  let xh = state.outHi
  let xl = state.outLo
  mix64(xh, xl)
  state.s0h = state.outHi
  state.s0l = state.outLo
  addGoldenGamma(xh, xl)
  xh = state.outHi
  xl = state.outLo
  mix64(xh, xl)
  state.s1h = state.outHi
  state.s1l = state.outLo
  addGoldenGamma(xh, xl)
  xh = state.outHi
  xl = state.outLo
  mix64(xh, xl)
  state.s2h = state.outHi
  state.s2l = state.outLo
  addGoldenGamma(xh, xl)
  mix64(state.outHi, state.outLo)
  state.s3h = state.outHi
  state.s3l = state.outLo
}

/** Next xoshiro256** output, as (outHi, outLo). */
export function nextU64(): void {
  // result = rotl(s1 · 5, 7) · 9; products by 5 and 9 are exact in doubles (below 2^36).
  let product = (state.s1l >>> 0) * 5
  let lo = product | 0
  let hi = (Math.imul(state.s1h, 5) + Math.floor(product / TWO_32)) | 0
  const rh = (hi << 7) | (lo >>> 25)
  const rl = (lo << 7) | (hi >>> 25)
  product = (rl >>> 0) * 9
  state.outLo = product | 0
  state.outHi = (Math.imul(rh, 9) + Math.floor(product / TWO_32)) | 0
  // t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
  const th = (state.s1h << 17) | (state.s1l >>> 15)
  const tl = state.s1l << 17
  state.s2h ^= state.s0h
  state.s2l ^= state.s0l
  state.s3h ^= state.s1h
  state.s3l ^= state.s1l
  state.s1h ^= state.s2h
  state.s1l ^= state.s2l
  state.s0h ^= state.s3h
  state.s0l ^= state.s3l
  state.s2h ^= th
  state.s2l ^= tl
  hi = state.s3h
  lo = state.s3l
  state.s3h = (lo << 13) | (hi >>> 19)
  state.s3l = (hi << 13) | (lo >>> 19)
}

/** Uniform on [0, 1) from the top 53 bits of the next output, as assembly/rng.ts's `uniform`. */
export function uniform(): number {
  nextU64()
  return ((state.outHi >>> 0) * 2097152 + (state.outLo >>> 11)) * TWO_M53
}

/** Standard normal, Marsaglia's polar method with the second variate dropped (as assembly/rng.ts). */
export function normal(): number {
  let u: number
  let v: number
  let s: number
  do {
    u = 2 * uniform() - 1
    v = 2 * uniform() - 1
    s = u * u + v * v
  } while (s >= 1 || s === 0)
  return u * Math.sqrt((-2 * Math.log(s)) / s)
}

/** The last 64-bit result as a BigInt (for checks, not for hot loops). */
export function lastU64(): bigint {
  return (BigInt(state.outHi >>> 0) << 32n) | BigInt(state.outLo >>> 0)
}
