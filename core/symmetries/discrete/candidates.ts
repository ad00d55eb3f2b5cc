import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import type { FeatureGroups } from '../featureGroups.js'
import type { AffineSpan } from '../constraints/linearConstraints.js'
import { monomialBasis } from '../constraints/monomials.js'
import type { Polynomial } from '../constraints/polynomial.js'
import type { ColumnPasses } from './columnKernels.js'
import { compose, identityMap, liftSpanMap, type AffineMap } from './maps.js'
import { CENTRE_SIGMAS, MARGINAL_SIGMAS, DEGENERATE_SIGMAS, MAX_BASE_CANDIDATES, MAX_COMPOSED_CANDIDATES, MAX_EXCHANGES, MAX_SWAPS, MAX_PROPOSAL_EVENTS, MAX_QUADRICS, MAX_WHITENED_DIMENSION } from './tolerances.js'

/** A proposed discrete map: where it came from, its words in the data's variables, and the map on all features. */
export interface Candidate {
  kind: 'reflection' | 'exchange' | 'swap' | 'principal' | 'whitened' | 'point' | 'composition'
  /** One clause per factor ("pz → −pz for both particles", "particle 1 ↔ particle 2"); a composition joins them. */
  parts: string[]
  map: AffineMap
  /** A composition's two factors (indices into the list). */
  factors?: [number, number]
}

const num = (v: number) => Number(v.toPrecision(3)).toString()
const minus = (text: string) => text.replace(/-/g, '−')

/**
 * Involutions proposed from the first half of the events only (so the second half's tests stay valid), without
 * knowing the answer (issue 20, item 1):
 * - sign flips of each feature about its centre (its mean, or 0 when the mean is within CENTRE_SIGMAS standard
 *   errors of 0: "y → −y"), and of each stem in every particle at once ("pz → −pz for both particles");
 * - exchanges of feature blocks of the same kind (E1 … pz1 ↔ E2 … pz2, featureGroups.ts) and swaps of two features
 *   whose marginals look equal (mean and standard deviation within MARGINAL_SIGMAS standard errors);
 * - reflections along each principal axis of the span coordinates (the centred frame's mirrors of the covariance
 *   ellipsoid) and, in the whitened frame, the exchange of two principal axes (the mirrors of a conjugated O(2));
 * - the mirrors of each quadratic constraint of the continuous section (the normaliser of its algebra: a quadric's
 *   symmetries are the reflections along the principal axes of its quadratic form, through its centre, and the
 *   exchanges of two axes of the same sign in the frame where the form is ±1: for the tilted ellipse of a conjugated
 *   rotation, its conjugated O(2)), exact where the constraint is, where the covariance's axes carry the noise;
 * - the point reflection through the centre;
 * then every composition of two of these that is again an involution (the two commute), up to MAX_COMPOSED_CANDIDATES.
 * The normaliser of the continuous algebra is not proposed separately: its mirrors are among these (the principal
 * axes of an SO(n)-invariant cloud are arbitrary directions of the rotated space), and the group step says which
 * maps normalise it.
 */
export function proposeCandidates(
  passes: ColumnPasses, rows: number, cols: number, names: readonly string[], groups: FeatureGroups, span: AffineSpan,
  quadrics: readonly Polynomial[] = [],
): Candidate[] {
  const n = Math.min(rows, MAX_PROPOSAL_EVENTS)
  // The per-event sums are wasm passes (columnKernels.ts): the means, then the squares about them, and the ranges.
  const { sums: sum, lo, hi } = passes.range(n)
  const mean = Array.from(sum, (s) => s / n)
  const sq = passes.squares(n, mean)
  const sd = Array.from(sq, (s) => Math.sqrt(s / Math.max(n - 1, 1)))
  const varying = sd.map((s, j) => s > 1e-12 * Math.max(Math.abs(mean[j]), 1e-300))
  const centre = mean.map((m, j) => (Math.abs(m) < (CENTRE_SIGMAS * sd[j]) / Math.sqrt(n) ? 0 : m))
  // The origin of the features' units is a centre of its own (parity is p → −p whatever the mean) where the
  // events straddle it, so a flip about 0 is proposed too when the mean is not 0.
  const straddles = centre.map((c, j) => lo[j] < 0 && hi[j] > 0 && c !== 0)
  const flip = (features: number[], about: readonly number[] = centre): AffineMap => {
    const map = identityMap(cols)
    for (const j of features) {
      map.matrix[j][j] = -1
      map.offset[j] = 2 * about[j]
    }
    return map
  }
  const zeros = new Array<number>(cols).fill(0)
  const flipText = (j: number, label: string, about: readonly number[] = centre) => (about[j] === 0 ? `${label} → −${label}` : minus(`${label} → ${num(2 * about[j])} − ${label}`))
  const out: Candidate[] = []
  for (let j = 0; j < cols; j++) {
    if (!varying[j]) continue
    out.push({ kind: 'reflection', parts: [flipText(j, names[j])], map: flip([j]) })
    if (straddles[j]) out.push({ kind: 'reflection', parts: [flipText(j, names[j], zeros)], map: flip([j], zeros) })
  }
  if (groups.active) {
    const stems = [...new Set(groups.stems)]
    const many = groups.groupLabels.length === 2 ? 'both particles' : `all ${groups.groupLabels.length} particles`
    for (const stem of stems) {
      const features = groups.stems.flatMap((s, j) => (s === stem && varying[j] ? [j] : []))
      if (features.length < 2) continue
      const zero = features.every((j) => centre[j] === 0)
      out.push({ kind: 'reflection', parts: [zero ? `${stem} → −${stem} for ${many}` : features.map((j) => flipText(j, names[j])).join(', ')], map: flip(features) })
      if (!zero && features.every((j) => centre[j] === 0 || straddles[j])) {
        out.push({ kind: 'reflection', parts: [`${stem} → −${stem} for ${many}`], map: flip(features, zeros) })
      }
    }
    let exchanges = 0
    for (let g = 0; g < groups.groupLabels.length; g++) {
      for (let h = g + 1; h < groups.groupLabels.length && exchanges++ < MAX_EXCHANGES; h++) {
        const map = identityMap(cols)
        for (let j = 0; j < cols; j++) {
          if (groups.groupOf[j] !== g) continue
          const k = groups.stems.findIndex((s, i) => s === groups.stems[j] && groups.groupOf[i] === h)
          map.matrix[j][j] = 0
          map.matrix[k][k] = 0
          map.matrix[j][k] = 1
          map.matrix[k][j] = 1
        }
        out.push({ kind: 'exchange', parts: [`particle ${groups.groupLabels[g]} ↔ particle ${groups.groupLabels[h]}`], map })
      }
    }
  }
  let swaps = 0
  for (let j = 0; j < cols && swaps < MAX_SWAPS; j++) {
    for (let k = j + 1; k < cols && swaps < MAX_SWAPS; k++) {
      if (!varying[j] || !varying[k]) continue
      const s = Math.max(sd[j], sd[k])
      const equalMeans = Math.abs(mean[j] - mean[k]) < (MARGINAL_SIGMAS * s * Math.SQRT2) / Math.sqrt(n)
      const equalSpreads = Math.abs(sd[j] - sd[k]) < (MARGINAL_SIGMAS * s) / Math.sqrt(n)
      if (!equalMeans || !equalSpreads) continue
      const map = identityMap(cols)
      map.matrix[j][j] = 0
      map.matrix[k][k] = 0
      map.matrix[j][k] = 1
      map.matrix[k][j] = 1
      // Equal marginals about different centres would need an offset; about equal ones (to the noise) none.
      out.push({ kind: 'swap', parts: [`${names[j]} ↔ ${names[k]}`], map })
      swaps++
    }
  }
  out.push(...principalCandidates(passes, n, names, span, centre))
  for (const q of quadrics.slice(0, MAX_QUADRICS)) out.push(...quadricCandidates(q, names, span))
  const everything = span.free.filter((f) => varying[f])
  if (everything.length > 1) out.push({ kind: 'point', parts: ['point reflection through the centre (every feature x → 2c − x)'], map: flip(varying.flatMap((v, j) => (v ? [j] : []))) })
  // Bounded before any map is checked: the base maps (single flips come first, then stems, exchanges, swaps, mirrors).
  out.splice(MAX_BASE_CANDIDATES)
  const base = out.length
  // Pairs looked at are bounded too (a pair that does not commute costs two products and gives nothing).
  let pairs = 0
  for (let a = 0; a < base && out.length < base + MAX_COMPOSED_CANDIDATES && pairs < 4 * MAX_COMPOSED_CANDIDATES; a++) {
    for (let b = a + 1; b < base && out.length < base + MAX_COMPOSED_CANDIDATES && pairs++ < 4 * MAX_COMPOSED_CANDIDATES; b++) {
      const ab = compose(out[a].map, out[b].map)
      const ba = compose(out[b].map, out[a].map)
      if (!sameMap(ab, ba)) continue
      out.push({ kind: 'composition', parts: [...out[a].parts, ...out[b].parts], map: ab, factors: [a, b] })
    }
  }
  return out
}

function sameMap(a: AffineMap, b: AffineMap): boolean {
  const size = Math.max(1e-300, ...a.offset.map(Math.abs), ...b.offset.map(Math.abs))
  return a.matrix.every((row, r) => row.every((v, c) => Math.abs(v - b.matrix[r][c]) < 1e-9)) && a.offset.every((v, r) => Math.abs(v - b.offset[r]) < 1e-9 * size)
}

/** The mirrors of the covariance ellipsoid of the span coordinates, in the centred frame and in the whitened frame. */
function principalCandidates(
  passes: ColumnPasses, n: number, names: readonly string[], span: AffineSpan, centre: readonly number[],
): Candidate[] {
  const d = span.free.length
  if (d < 2) return []
  const mu = span.free.map((f) => centre[f])
  const sums = passes.products(n, Int32Array.from(span.free), mu)
  const cov = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => sums[Math.min(a, b) * d + Math.max(a, b)] / n))
  const { values, vectors } = symmetricEigen(cov)
  const axis = (k: number) => Array.from({ length: d }, (_, a) => vectors[a][k])
  const axisText = (e: number[]) => {
    const largest = Math.max(...e.map(Math.abs))
    const sign = e[e.findIndex((v) => Math.abs(v) === largest)] < 0 ? -1 : 1
    return minus(e.flatMap((v, a) => (Math.abs(v) > 0.05 * largest ? [`${num(sign * v)}·${names[span.free[a]]}`] : [])).join(' + ').replace(/\+ −/g, '− '))
  }
  const lift = (linear: number[][]) => {
    const constant = mu.map((m, a) => m - linear[a].reduce((s, v, b) => s + v * mu[b], 0))
    return liftSpanMap(linear, constant, span)
  }
  const out: Candidate[] = []
  // An axis whose variance another shares (within DEGENERATE_SIGMAS sampling errors, λ√(2/n)) is fixed by the noise
  // alone: every direction of that eigenspace is one, and a reflection along one of them is no better founded than
  // along any other (those of an SO(n)-invariant cloud are the normaliser's mirrors, proposed by the flips already).
  const gap = DEGENERATE_SIGMAS * Math.sqrt(2 / n)
  const positive = values.map((v, k) => v > 1e-12 * Math.max(values[0], 1e-300) && values.every((w, l) => l === k || Math.abs(v - w) > gap * Math.max(v, w)))
  for (let k = 0; k < d; k++) {
    if (!positive[k]) continue
    const e = axis(k)
    const linear = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? 1 : 0) - 2 * e[a] * e[b]))
    out.push({ kind: 'principal', parts: [`reflection along the principal axis (${axisText(e)})`], map: lift(linear) })
  }
  if (d > MAX_WHITENED_DIMENSION) return out
  for (let k = 0; k < d; k++) {
    for (let l = k + 1; l < d; l++) {
      if (!positive[k] || !positive[l]) continue
      // In the whitened frame w = Λ^{-1/2} Eᵀ (u − μ), exchange w_k and w_l: u ↦ μ + E Λ^{1/2} S Λ^{-1/2} Eᵀ (u − μ).
      const [ek, el] = [axis(k), axis(l)]
      const [sk, sl] = [Math.sqrt(values[k]), Math.sqrt(values[l])]
      const linear = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) =>
        (a === b ? 1 : 0) - ek[a] * ek[b] - el[a] * el[b] + (sk / sl) * ek[a] * el[b] + (sl / sk) * el[a] * ek[b]))
      out.push({ kind: 'whitened', parts: [`exchange of the principal axes (${axisText(ek)}) and (${axisText(el)}) in the whitened frame`], map: lift(linear) })
    }
  }
  return out
}

const axisWords = (e: readonly number[], names: readonly string[], span: AffineSpan) => {
  const largest = Math.max(...e.map(Math.abs))
  const sign = e[e.findIndex((v) => Math.abs(v) === largest)] < 0 ? -1 : 1
  return minus(e.flatMap((v, a) => (Math.abs(v) > 0.05 * largest ? [`${num(sign * v)}·${names[span.free[a]]}`] : [])).join(' + ').replace(/\+ −/g, '− '))
}

/**
 * The symmetries of a quadric g(u) = ½ (u − u₀)ᵀ H (u − u₀) + const = 0 (a degree-2 constraint in the span
 * coordinates, H its Hessian): the reflections along H's eigenvectors through u₀, and the exchanges of two axes
 * whose eigenvalues have the same sign in the frame w = |Λ|^{1/2} Eᵀ (u − u₀), where the form is a sum of ±w².
 * Degenerate forms (a cylinder: H singular) give their reflections about the centre of the non-degenerate part.
 */
function quadricCandidates(q: Polynomial, names: readonly string[], span: AffineSpan): Candidate[] {
  const d = span.free.length
  const basis = monomialBasis(d, 2)
  if (q.length < basis.count) return []
  const full = [2, 3, 4, 5, 6, 7, 8].map((k) => monomialBasis(d, k)).find((b) => b.count === q.length)
  if (!full || full.degree < 2) return []
  // Only a genuine quadric: no terms above degree 2.
  for (let m = 0; m < full.count; m++) if (full.degrees[m] > 2 && q[m] !== 0) return []
  const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0))
  const gradient = new Array<number>(d).fill(0)
  for (let m = 1; m < basis.count; m++) {
    const alpha = basis.exponents[m]
    const c = q[full.indexOf(alpha)]
    const vars = [...alpha.keys()].flatMap((a) => Array<number>(alpha[a]).fill(a))
    if (vars.length === 1) gradient[vars[0]] += c
    else if (vars[0] === vars[1]) hessian[vars[0]][vars[0]] += 2 * c
    else {
      hessian[vars[0]][vars[1]] += c
      hessian[vars[1]][vars[0]] += c
    }
  }
  const { values, vectors } = symmetricEigen(hessian)
  const largest = Math.max(...values.map(Math.abs))
  if (!(largest > 0)) return []
  // Equal eigenvalues (a sphere's) leave the axes arbitrary: their mirrors are not proposed (see principalCandidates).
  const active = values.map((v, k) => Math.abs(v) > 1e-9 * largest && values.every((w, l) => l === k || Math.abs(v - w) > 1e-6 * largest))
  // Centre: u₀ = −H⁺ ∇g(0) on the non-degenerate axes.
  const centre = new Array<number>(d).fill(0)
  values.forEach((v, k) => {
    if (!active[k]) return
    const proj = vectors.reduce((s, row, a) => s + row[k] * gradient[a], 0)
    for (let a = 0; a < d; a++) centre[a] -= (vectors[a][k] * proj) / v
  })
  const axis = (k: number) => Array.from({ length: d }, (_, a) => vectors[a][k])
  const lift = (linear: number[][]) => liftSpanMap(linear, centre.map((m, a) => m - linear[a].reduce((s, v, b) => s + v * centre[b], 0)), span)
  const out: Candidate[] = []
  for (let k = 0; k < d; k++) {
    if (!active[k]) continue
    const e = axis(k)
    out.push({
      kind: 'principal', parts: [`reflection along the axis (${axisWords(e, names, span)}) of the constraint's quadric`],
      map: lift(Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? 1 : 0) - 2 * e[a] * e[b]))),
    })
  }
  for (let k = 0; k < d; k++) {
    for (let l = k + 1; l < d; l++) {
      if (!active[k] || !active[l] || Math.sign(values[k]) !== Math.sign(values[l])) continue
      const [ek, el] = [axis(k), axis(l)]
      // w_k = √|λ_k| e_k·(u − u₀): exchanging w_k and w_l maps e_k ↦ √(λ_k/λ_l) e_l.
      const [sk, sl] = [Math.sqrt(Math.abs(values[k])), Math.sqrt(Math.abs(values[l]))]
      const linear = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) =>
        (a === b ? 1 : 0) - ek[a] * ek[b] - el[a] * el[b] + (sk / sl) * el[a] * ek[b] + (sl / sk) * ek[a] * el[b]))
      out.push({ kind: 'whitened', parts: [`exchange of the axes (${axisWords(ek, names, span)}) and (${axisWords(el, names, span)}) of the constraint's quadric`], map: lift(linear) })
    }
  }
  return out
}
