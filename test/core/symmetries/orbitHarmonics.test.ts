// The orbit-phase harmonic test of a compact flow (issue 16, item 4; core/symmetries/invariance/orbitHarmonics.ts),
// on events whose answer is known by construction: a circle or a sphere in random affine coordinates (a random
// invertible map and offset), its azimuth about a random axis uniform or modulated as 1 + a cos(kφ + φ0), tested
// along the conjugated rotation that is (uniform) or is not (modulated) an invariance.
import { describe, expect, it } from 'vitest'
import { orbitHarmonics } from '../../../core/symmetries/invariance/orbitHarmonics.js'
import { HARMONIC_ORDERS } from '../../../core/symmetries/tolerances.js'
import { mulberry32, normalSampler } from '../../../testdata/random.js'

/** Azimuth with density ∝ 1 + a cos(kφ + φ0) (rejection). */
function azimuth(random: () => number, a: number, k: number, phase: number): number {
  for (;;) {
    const phi = 2 * Math.PI * random()
    if (random() * (1 + a) < 1 + a * Math.cos(k * phi + phase)) return phi
  }
}

/**
 * n events on the unit circle (d = 2) or sphere (d = 3) with azimuth about e_last… of the intrinsic frame modulated,
 * mapped by z = M x + c (M random, well conditioned), and θ of the conjugated rotation M K M⁻¹ about c (A then b).
 */
function orbitCase(seed: number, d: 2 | 3, n: number, a: number, k: number) {
  const random = mulberry32(seed)
  const normal = normalSampler(random)
  const phase = 2 * Math.PI * random()
  let M: number[][]
  for (;;) {
    M = Array.from({ length: d }, (_, r) => Array.from({ length: d }, (_, c) => (r === c ? 1.5 : 0) + 0.5 * normal()))
    const det = d === 2 ? M[0][0] * M[1][1] - M[0][1] * M[1][0]
      : M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1]) - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0]) + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0])
    if (Math.abs(det) > 0.3) break
  }
  const c = Array.from({ length: d }, normal)
  const z = new Float64Array(n * d)
  for (let i = 0; i < n; i++) {
    const phi = azimuth(random, a, k, phase)
    const h = d === 3 ? 2 * random() - 1 : 0
    const s = Math.sqrt(1 - h * h)
    const x = d === 3 ? [s * Math.cos(phi), s * Math.sin(phi), h] : [Math.cos(phi), Math.sin(phi)]
    for (let r = 0; r < d; r++) z[i * d + r] = c[r] + M[r].reduce((sum, m, j) => sum + m * x[j], 0)
  }
  // K rotates the first two intrinsic axes; A = M K M⁻¹ (M⁻¹ by Gauss–Jordan), b = −A c.
  const inverse = invert(M)
  const K = Array.from({ length: d }, () => new Array<number>(d).fill(0))
  K[1][0] = 1
  K[0][1] = -1
  const A = M.map((row) => inverse[0].map((_, q) => row.reduce((s1, m, j) => s1 + m * K[j].reduce((s2, kk, l) => s2 + kk * inverse[l][q], 0), 0)))
  const theta = new Float64Array(d * d + d)
  for (let r = 0; r < d; r++) for (let q = 0; q < d; q++) theta[r * d + q] = A[r][q]
  for (let r = 0; r < d; r++) theta[d * d + r] = -A[r].reduce((s, v, q) => s + v * c[q], 0)
  return { z, theta }
}

function invert(M: number[][]): number[][] {
  const n = M.length
  const a = M.map((row, r) => [...row, ...Array.from({ length: n }, (_, c) => (r === c ? 1 : 0))])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r
    ;[a[col], a[pivot]] = [a[pivot], a[col]]
    const p = a[col][col]
    for (let c = 0; c < 2 * n; c++) a[col][c] /= p
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const f = a[r][col]
      for (let c = 0; c < 2 * n; c++) a[r][c] -= f * a[col][c]
    }
  }
  return a.map((row) => row.slice(n))
}

describe('orbitHarmonics: every harmonic up to an order set by the sample size', () => {
  it('finds a modulation above the detectable amplitude at every order up to J(N), orders past the moments\' 4 included', () => {
    const n = 1500
    for (let seed = 1; seed <= 16; seed++) {
      const d = seed % 2 ? 2 : 3
      const J = HARMONIC_ORDERS(n)
      const k = 1 + ((seed * 7) % J)
      // The amplitude |E e^(ikφ)| = a/2 of the modulation, drawn above the test's detectable amplitude at level 0.01.
      const probe = orbitCase(seed, d, n, 0, 1)
      const detectable = orbitHarmonics(probe.z, n, d, probe.theta, 0.01)!.detectableAmplitude
      const a = Math.min(1, 2 * 1.6 * detectable)
      const { z, theta } = orbitCase(1000 + seed, d, n, a, k)
      const test = orbitHarmonics(z, n, d, theta, 0.01)!
      expect(test.orders).toBe(J)
      expect(test.pValue, `seed ${seed}, d ${d}, order ${k}, a ${a.toFixed(3)}`).toBeLessThan(0.01)
      expect(test.order).toBe(k)
    }
  })

  it('keeps its level on invariant events: at 0.05, at most 0.05 + 3 binomial standard deviations rejected over 200 seeds', () => {
    let rejected = 0
    const seeds = 200
    for (let seed = 1; seed <= seeds; seed++) {
      const { z, theta } = orbitCase(5000 + seed, seed % 2 ? 2 : 3, 400, 0, 1)
      if (orbitHarmonics(z, 400, seed % 2 ? 2 : 3, theta, 0.05)!.pValue < 0.05) rejected++
    }
    expect(rejected / seeds).toBeLessThanOrEqual(0.05 + 3 * Math.sqrt((0.05 * 0.95) / seeds))
  })

  it('states its power: the detectable amplitude falls as 1/√N, and a non-periodic flow has no harmonic test', () => {
    const small = orbitCase(7, 2, 400, 0, 1)
    const large = orbitCase(7, 2, 6400, 0, 1)
    const [at400, at6400] = [orbitHarmonics(small.z, 400, 2, small.theta, 0.01)!, orbitHarmonics(large.z, 6400, 2, large.theta, 0.01)!]
    // 16× the events: 4× smaller, up to the slower growth of the critical value with the orders (20 → 64).
    expect(at400.detectableAmplitude / at6400.detectableAmplitude).toBeGreaterThan(3.3)
    expect(at400.detectableAmplitude / at6400.detectableAmplitude).toBeLessThan(4)
    const dilatation = new Float64Array([1, 0, 0, 1, 0, 0])
    expect(orbitHarmonics(small.z, 400, 2, dilatation, 0.01)).toBeNull()
  })
})
