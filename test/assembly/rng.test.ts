// The seeded RNG (assembly/rng.ts): xoshiro256** with one SplitMix64-seeded stream per event, checked bit for bit
// against an independent BigInt implementation of the published algorithms, then its distributions against their
// closed-form moments.
import { beforeAll, describe, expect, it } from 'vitest'
import { loadWasm } from '../../core/wasm/node.js'
import type { SymscopeWasm } from '../../core/index.js'

const UNIFORM = 0
const NORMAL = 1
const EXPONENTIAL = 2
const RAW_BITS = 3

let wasm: SymscopeWasm
beforeAll(async () => {
  wasm = await loadWasm()
})

/** `perStream` values from each of the streams (seed, first … first + n − 1), stream-major. */
function fill(seed: bigint, first: bigint, n: number, perStream: number, kind: number): Float64Array {
  const ptr = wasm.allocF64(n * perStream)
  try {
    wasm.exports.fillRandom(seed, first, n, perStream, kind, ptr)
    return wasm.copyF64(ptr, n * perStream)
  } finally {
    wasm.free(ptr)
  }
}

/** Raw 64-bit outputs, read as integers (a Float64Array would not keep NaN bit patterns). */
function fillBits(seed: bigint, first: bigint, n: number, perStream: number): BigUint64Array {
  return new BigUint64Array(fill(seed, first, n, perStream, RAW_BITS).buffer)
}

// Independent reference: SplitMix64 and xoshiro256** as published (prng.di.unimi.it), with the stream seeding
// that assembly/rng.ts documents: x = mix(mix(seed + γ) ^ (stream · 0xd1b54a32d192ed03)), s_j = mix(x + (j+1)γ).
const MASK = (1n << 64n) - 1n
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n
const rotl = (x: bigint, k: number) => ((x << BigInt(k)) | (x >> BigInt(64 - k))) & MASK
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK
  return z ^ (z >> 31n)
}
function xoshiro256StarStar(s: bigint[]): bigint {
  const result = (rotl((s[1] * 5n) & MASK, 7) * 9n) & MASK
  const t = (s[1] << 17n) & MASK
  s[2] ^= s[0]
  s[3] ^= s[1]
  s[1] ^= s[2]
  s[0] ^= s[3]
  s[2] ^= t
  s[3] = rotl(s[3], 45)
  return result
}
function referenceStream(seed: bigint, stream: bigint, count: number): bigint[] {
  let x = mix64(mix64((seed + GOLDEN_GAMMA) & MASK) ^ ((stream * 0xd1b54a32d192ed03n) & MASK))
  const state: bigint[] = []
  for (let j = 0; j < 4; j++) {
    x = (x + GOLDEN_GAMMA) & MASK
    state.push(mix64(x))
  }
  return Array.from({ length: count }, () => xoshiro256StarStar(state))
}

function mean(values: Float64Array): number {
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

/** Central moment of order `order` about `center`. */
function centralMoment(values: Float64Array, center: number, order: number): number {
  let sum = 0
  for (const v of values) sum += (v - center) ** order
  return sum / values.length
}

function correlation(a: Float64Array, b: Float64Array): number {
  const ma = mean(a)
  const mb = mean(b)
  let sab = 0
  let saa = 0
  let sbb = 0
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb)
    saa += (a[i] - ma) ** 2
    sbb += (b[i] - mb) ** 2
  }
  return sab / Math.sqrt(saa * sbb)
}

describe('the reference implementation', () => {
  it('reproduces the published test vectors', () => {
    // xoshiro256** from state {1, 2, 3, 4}: 11520, 0, 1509978240, 1215971899390074240 (reference C code, also the
    // test vector of Rust's rand_xoshiro); SplitMix64 from state 0: 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4.
    const state = [1n, 2n, 3n, 4n]
    expect([0, 1, 2, 3].map(() => xoshiro256StarStar(state))).toEqual([11520n, 0n, 1509978240n, 1215971899390074240n])
    expect(mix64(GOLDEN_GAMMA)).toBe(0xe220a8397b1dcdafn)
    expect(mix64((2n * GOLDEN_GAMMA) & MASK)).toBe(0x6e789e6aa1b965f4n)
  })
})

describe('fillRandom', () => {
  it('draws exactly the bits of xoshiro256** seeded per stream', () => {
    for (const [seed, first] of [
      [0n, 0n],
      [42n, 1000n],
      [2n ** 53n - 1n, 2n ** 40n],
    ]) {
      const bits = fillBits(seed, first, 3, 5)
      for (let stream = 0; stream < 3; stream++) {
        const expected = referenceStream(seed, first + BigInt(stream), 5)
        expect(Array.from(bits.subarray(stream * 5, stream * 5 + 5))).toEqual(expected)
      }
    }
  })

  it('gives the same bits for the same (seed, stream), whatever the chunking', () => {
    const whole = fillBits(7n, 0n, 1000, 4)
    expect(Buffer.from(fillBits(7n, 0n, 1000, 4).buffer).equals(Buffer.from(whole.buffer))).toBe(true)
    const tail = fillBits(7n, 600n, 400, 4)
    expect(Buffer.from(tail.buffer).equals(Buffer.from(whole.subarray(600 * 4).slice().buffer))).toBe(true)
  })

  it('gives different bits for different seeds and different streams', () => {
    const a = fillBits(1n, 0n, 10_000, 1)
    const b = fillBits(2n, 0n, 10_000, 1)
    const shifted = fillBits(1n, 1n, 10_000, 1)
    let sameSeed = 0
    let sameStream = 0
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) sameSeed++
      if (i + 1 < a.length && a[i + 1] === shifted[i]) sameStream++
    }
    expect(sameSeed).toBe(0) // a coincidence has probability 10⁴ · 2⁻⁶⁴
    expect(sameStream).toBe(a.length - 1) // stream i + 1 of the run starting at 0 is stream i of the run starting at 1
    expect(new Set(a).size).toBe(a.length)
  })

  it('sets each output bit with probability 1/2', () => {
    // 10⁵ outputs: each bit count is Binomial(10⁵, ½), σ = √(10⁵/4) ≈ 158; 64 bits, so allow 5σ.
    const bits = fillBits(3n, 0n, 100_000, 1)
    const n = bits.length
    for (let k = 0n; k < 64n; k++) {
      let ones = 0
      for (const b of bits) ones += Number((b >> k) & 1n)
      expect(Math.abs(ones - n / 2)).toBeLessThan(5 * Math.sqrt(n / 4))
    }
  })
})

describe('distributions', () => {
  const n = 1_000_000

  it('uniform on [0, 1): mean 1/2, variance 1/12', () => {
    const u = fill(11n, 0n, n / 10, 10, UNIFORM)
    let lo = Infinity
    let hi = -Infinity
    for (const v of u) {
      lo = Math.min(lo, v)
      hi = Math.max(hi, v)
    }
    expect(lo).toBeGreaterThanOrEqual(0)
    expect(hi).toBeLessThan(1)
    // Closed forms: E U = 1/2, Var U = 1/12, E(U − ½)⁴ = 1/80; standard errors σ/√n and √((μ₄ − σ⁴)/n).
    const m = mean(u)
    const variance = centralMoment(u, m, 2)
    expect(Math.abs(m - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n))
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / n))
  })

  it('normal: mean 0, variance 1, kurtosis 3', () => {
    const x = fill(12n, 0n, n / 10, 10, NORMAL)
    // Closed forms for N(0, 1): standard errors of mean, variance and kurtosis are √(1/n), √(2/n), √(24/n).
    const m = mean(x)
    const variance = centralMoment(x, m, 2)
    const kurtosis = centralMoment(x, m, 4) / variance ** 2
    const skewness = centralMoment(x, m, 3) / variance ** 1.5
    expect(Math.abs(m)).toBeLessThan(5 * Math.sqrt(1 / n))
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n))
    expect(Math.abs(skewness)).toBeLessThan(5 * Math.sqrt(6 / n))
    expect(Math.abs(kurtosis - 3)).toBeLessThan(5 * Math.sqrt(24 / n))
    // P(|X| > 1) = erfc(1/√2) = 0.31731 (closed form), binomial standard error.
    let outside = 0
    for (const v of x) if (Math.abs(v) > 1) outside++
    const p = 0.3173105078629141
    expect(Math.abs(outside / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n))
  })

  it('exponential: mean 1, variance 1', () => {
    const x = fill(13n, 0n, n / 10, 10, EXPONENTIAL)
    let lo = Infinity
    for (const v of x) lo = Math.min(lo, v)
    expect(lo).toBeGreaterThanOrEqual(0)
    // Exp(1): mean 1, variance 1, fourth central moment 9; P(X > 1) = e⁻¹.
    const m = mean(x)
    expect(Math.abs(m - 1)).toBeLessThan(5 * Math.sqrt(1 / n))
    expect(Math.abs(centralMoment(x, m, 2) - 1)).toBeLessThan(5 * Math.sqrt((9 - 1) / n))
    let above = 0
    for (const v of x) if (v > 1) above++
    expect(Math.abs(above / n - Math.exp(-1))).toBeLessThan(5 * Math.sqrt((Math.exp(-1) * (1 - Math.exp(-1))) / n))
  })

  it('neighbouring streams are uncorrelated', () => {
    // First draws of streams i and i + 1 over 10⁵ streams: the sample correlation of independent variables has
    // standard error 1/√n. Same for the first and second draw within a stream, and for two seeds.
    const streams = 100_000
    const first = fill(21n, 0n, streams + 1, 1, UNIFORM)
    expect(Math.abs(correlation(first.subarray(0, streams), first.subarray(1)))).toBeLessThan(5 / Math.sqrt(streams))
    const pairs = fill(21n, 0n, streams, 2, UNIFORM)
    const a = new Float64Array(streams)
    const b = new Float64Array(streams)
    for (let i = 0; i < streams; i++) {
      a[i] = pairs[2 * i]
      b[i] = pairs[2 * i + 1]
    }
    expect(Buffer.from(a.buffer).equals(Buffer.from(first.slice(0, streams).buffer))).toBe(true)
    expect(Math.abs(correlation(a, b))).toBeLessThan(5 / Math.sqrt(streams))
    const otherSeed = fill(22n, 0n, streams, 1, UNIFORM)
    expect(Math.abs(correlation(a, otherSeed))).toBeLessThan(5 / Math.sqrt(streams))
  })
})
