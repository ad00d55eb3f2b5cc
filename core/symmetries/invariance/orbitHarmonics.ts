import { flowGrid, flowMultiples, moveByGridElement } from '../tangentFields/flow.js'
import type { Theta } from '../tangentFields/fields.js'
import { HARMONIC_ORDERS } from '../tolerances.js'

/**
 * The harmonics of a compact flow's orbit phase (issue 16, item 4): a test of H0 "the distribution is invariant under
 * the flow" that reaches every harmonic up to an order set by the sample size, where the Monte Carlo test's monomials
 * of degree ≤ 4 reach harmonics ≤ 4 only, diluted among up to 70 test functions.
 *
 * Phase. For a periodic flow exp(tÃ) of period T whose frequencies are multiples n ω₀ (flowMultiples), every linear
 * function ℓ along an orbit is a trigonometric polynomial in t, and its Fourier coefficient of multiple n,
 *   w(z) = (1/G) Σ_g e^(−2πi n g/G) ℓ(exp(t_g Ã) z),  t_g = g T/G,  G > 2 max n (no aliasing: exact),
 * turns with the flow: w(exp(sÃ) z) = e^(i n ω₀ s) w(z). Under H0 each event is uniform on its orbit given the orbit,
 * so its phase ψ = arg w is uniform given |w| (an orbit invariant), and for every order j ≥ 1
 *   E[q e^(ijψ)] = 0,  q = |w|²/(|w|² + ε²)
 * (q, a function of the orbit, mutes events on the flow's fixed set, where the phase is undefined). The empirical
 * ĥ_j = (1/N) Σ_i q_i e^(ijψ_i) then has mean 0 and, since E[cos² jψ | orbit] = E[sin² jψ | orbit] = ½ and their
 * covariance is 0, covariance (E q²/2N) I: S_j = 2N |ĥ_j|² / mean(q²) is χ² with 2 degrees of freedom (central limit
 * theorem), tail e^(−S_j/2). The orders j = 1 … J (HARMONIC_ORDERS: set by the sample size) of every multiple n are
 * combined by a weighted Bonferroni (valid at any dependence between them): order j gets the share
 * w_j = j⁻² / (M Σ_{i ≤ J} i⁻²) of the level, p = min(1, min_j e^(−S_j/2) / w_j). The weights follow the decay of a
 * density's harmonics: one whose derivative along the orbit is square-integrable has Σ j² |c_j|² < ∞, so |c_j| falls
 * at least as fast as 1/j, and the low orders, where smooth modulations put their power, pay a factor
 * Σ i⁻² ≤ π²/6 · j² (1.6 at order 1, 6.6 at order 2) where a flat Bonferroni would pay J.
 *
 * Power. A harmonic of order j in the events' phase distribution, E[q e^(ijψ)] = c, is detected at level α when
 * 2N |c|² / mean(q²) exceeds the critical value −2 ln(α w_j): `detectableAmplitude` is that |c| at the highest order J,
 * where it is largest (an azimuth distributed as 1 + a cos jψ has |c| = a/2 ≤ ½).
 *
 * Cost O(N · (G (d² + d · multiples) + L)).
 */
export interface HarmonicTest {
  /** Orders tested per frequency multiple (J) and the statistics combined (L = J · multiples). */
  orders: number
  statistics: number
  /** The S_j that sets the p-value (the smallest weighted tail) and its order. */
  statistic: number
  order: number
  pValue: number
  /** |E[q e^(ijψ)]| detected at `level` by the Bonferroni test over the L statistics (see above). */
  detectableAmplitude: number
}

/** The harmonic test of a compact flow on N events z (rows × d, standardised span coordinates); null when the flow is not periodic. */
export function orbitHarmonics(z: Float64Array, rows: number, d: number, theta: Theta, level: number): HarmonicTest | null {
  const flow = flowMultiples(theta, d)
  if (!flow || rows < 2) return null
  const multiples = flow.multiples
  const G = 4 * multiples[multiples.length - 1] + 4
  const grid = flowGrid(theta, d, flow.period, G)
  const M = multiples.length
  // w for every (multiple, coordinate) at every event: rows × M × d complex numbers.
  const re = new Float64Array(rows * M * d)
  const im = new Float64Array(rows * M * d)
  const cosines = multiples.map((n) => Array.from({ length: G }, (_, g) => Math.cos((2 * Math.PI * n * g) / G)))
  const sines = multiples.map((n) => Array.from({ length: G }, (_, g) => -Math.sin((2 * Math.PI * n * g) / G)))
  const moved = new Float64Array(d)
  for (let i = 0; i < rows; i++) {
    const x = z.subarray(i * d, (i + 1) * d)
    for (let g = 0; g < G; g++) {
      moveByGridElement(grid, g, d, x, moved)
      for (let m = 0; m < M; m++) {
        const c = cosines[m][g] / G
        const s = sines[m][g] / G
        const base = (i * M + m) * d
        for (let a = 0; a < d; a++) {
          re[base + a] += c * moved[a]
          im[base + a] += s * moved[a]
        }
      }
    }
  }
  const J = HARMONIC_ORDERS(rows)
  const L = J * M
  let harmonicSum = 0
  for (let j = 1; j <= J; j++) harmonicSum += 1 / (j * j)
  const weight = (j: number) => 1 / (j * j * M * harmonicSum)
  let best = 0
  let bestOrder = 1
  let pValue = 1
  let worstMeanSquare = 0
  for (let m = 0; m < M; m++) {
    // ℓ: the coordinate whose coefficient moves most (any coordinate with w ≢ 0 gives a valid phase; this one the
    // best-defined one).
    let coordinate = 0
    let power = -1
    for (let a = 0; a < d; a++) {
      let s = 0
      for (let i = 0; i < rows; i++) {
        const k = (i * M + m) * d + a
        s += re[k] * re[k] + im[k] * im[k]
      }
      if (s > power) [coordinate, power] = [a, s]
    }
    if (!(power > 0)) continue
    const epsilon2 = 1e-6 * (power / rows)
    const ur = new Float64Array(rows)
    const ui = new Float64Array(rows)
    const q = new Float64Array(rows)
    let q2 = 0
    for (let i = 0; i < rows; i++) {
      const k = (i * M + m) * d + coordinate
      const r2 = re[k] * re[k] + im[k] * im[k]
      const r = Math.sqrt(r2)
      q[i] = r2 / (r2 + epsilon2)
      q2 += (q[i] * q[i]) / rows
      if (r > 0) [ur[i], ui[i]] = [re[k] / r, im[k] / r]
    }
    worstMeanSquare = Math.max(worstMeanSquare, q2)
    // (e^(iψ))^j by repeated complex products, j = 1 … J.
    const pr = new Float64Array(rows).fill(1)
    const pi = new Float64Array(rows)
    for (let j = 1; j <= J; j++) {
      let hr = 0
      let hi = 0
      for (let i = 0; i < rows; i++) {
        const r = pr[i] * ur[i] - pi[i] * ui[i]
        pi[i] = pr[i] * ui[i] + pi[i] * ur[i]
        pr[i] = r
        hr += q[i] * pr[i]
        hi += q[i] * pi[i]
      }
      hr /= rows
      hi /= rows
      const S = (2 * rows * (hr * hr + hi * hi)) / q2
      const p = Math.exp(-S / 2) / weight(j)
      if (p < pValue) [pValue, best, bestOrder] = [p, S, j]
    }
  }
  const critical = -2 * Math.log(level * weight(J))
  return {
    orders: J, statistics: L, statistic: best, order: bestOrder,
    pValue: Math.min(1, pValue),
    detectableAmplitude: Math.sqrt((critical * (worstMeanSquare || 1)) / (2 * rows)),
  }
}
