import { Matrix, determinant } from 'ml-matrix'
import type { Theta } from '../tangentFields/fields.js'
import { flowGrid, flowPeriod } from '../tangentFields/flow.js'
import { identitySpan, multiplySpan, spanDistance, type SpanMap } from './maps.js'
import { GROUP_TOLERANCE, MAX_COMPONENTS } from './tolerances.js'

/** How a discrete generator sits with the continuous symmetries. */
export type Relation = 'commutes' | 'normalises' | 'neither'

export interface GroupResult {
  /** "O(2) = SO(2) ⋊ ℤ₂", "O(2) × ℤ₂", "SO(2) × ℤ₂", "ℤ₂", "SO(2)", "trivial". */
  name: string
  /** The identity component's name ("SO(2)"; "trivial" when the distribution algebra is 0). */
  continuous: string
  /** Components: the order of the group of discrete maps modulo the continuous part. */
  components: number
  /** Indices (into the maps given) of a minimal set that generates every component, in the order given. */
  generators: number[]
  relations: Relation[]
}

const homogeneous = (theta: Theta, d: number): SpanMap => {
  const out = new Float64Array((d + 1) * (d + 1))
  for (let a = 0; a < d; a++) {
    for (let c = 0; c < d; c++) out[a * (d + 1) + c] = theta[a * d + c]
    out[a * (d + 1) + d] = theta[d * d + a]
  }
  return out
}

const norm = (m: SpanMap) => Math.sqrt(m.reduce((s, v) => s + v * v, 0))

/** The linear d × d part of a homogeneous map. */
const linearPart = (m: SpanMap, d: number) => Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, c) => m[a * (d + 1) + c]))

/** The connected group's name from its algebra's: so(n) → SO(n), so(p,q) → SO⁺(p,q); else exp of the algebra. */
export function connectedName(algebra: string, dimension: number): string {
  if (dimension === 0) return 'trivial'
  const so = /^so\((\d+)\)/.exec(algebra)
  if (so) return `SO(${so[1]})`
  const indefinite = /^so\((\d+),(\d+)\)$/.exec(algebra)
  if (indefinite) return `SO⁺(${indefinite[1]},${indefinite[2]})`
  return `exp(${algebra})`
}

const SUBSCRIPT_2 = 'ℤ₂'
const power = (k: number) => (k === 1 ? SUBSCRIPT_2 : `${SUBSCRIPT_2}${['', '', '²', '³', '⁴', '⁵'][k] ?? `^${k}`}`)

/**
 * The whole symmetry group (issue 20, item 4) from the continuous part G₀ (the distribution algebra: generators θ
 * on the standardised span coordinates) and the involutions not rejected (maps on the same coordinates):
 * 1. membership of G₀: the identity, a point of one generator's periodic flow (720 points of its period), or, when
 *    G₀ is SO(n) on the n-dimensional space V its generators move, a map with determinant +1 on V that fixes the
 *    complement (every rotation of V is in SO(n));
 * 2. the components: the classes of the group the involutions generate modulo G₀ (M ~ M' when M'⁻¹M ∈ G₀), by
 *    closing under products (at most MAX_COMPONENTS); a generator that adds no class is left out;
 * 3. the name: O(n) when G₀ = SO(n) on V and a component reflects V (determinant −1, the complement fixed), with
 *    the low-dimensional forms O(2) = SO(2) ⋊ ℤ₂ and O(3) = SO(3) × ℤ₂; further components as × ℤ₂ᵏ when each
 *    commutes with G₀ (⋊ when it only normalises it); with no continuous part ℤ₂ᵏ (abelian) or the order.
 * Maps estimated from data (the principal axes) agree to about 1/√n, hence GROUP_TOLERANCE.
 */
export function nameGroup(thetas: readonly Theta[], algebraName: string, maps: readonly SpanMap[], d: number): GroupResult {
  const size = d + 1
  const fields = thetas.map((t) => homogeneous(t, d))
  const continuous = connectedName(algebraName, thetas.length)
  const grids = thetas.flatMap((t) => {
    const period = flowPeriod(t, d)
    return period === null ? [] : [flowGrid(t, d, period, 720)]
  })
  // The space V that G₀ moves and whether G₀ is all of SO(V).
  const moved = movedSpace(fields, d)
  const so = /^so\((\d+)\)/.exec(algebraName)
  const fullRotations = so !== null && Number(so[1]) === moved.length && thetas.length === (moved.length * (moved.length - 1)) / 2 && moved.length >= 2
  const onV = (m: SpanMap) => {
    const linear = linearPart(m, d)
    const restricted = moved.map((q) => moved.map((r) => q.reduce((s, qa, a) => s + qa * linear[a].reduce((t, v, c) => t + v * r[c], 0), 0)))
    const det = restricted.length ? determinant(new Matrix(restricted)) : 1
    // (M − 1) must vanish on V⊥ and map into V: check on the complement's projector.
    const projector = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, c) => (a === c ? 1 : 0) - moved.reduce((s, q) => s + q[a] * q[c], 0)))
    let off = 0
    for (let a = 0; a < d; a++) for (let c = 0; c < d; c++) {
      let left = 0
      let right = 0
      for (let k = 0; k < d; k++) {
        left += projector[a][k] * (linear[k][c] - (k === c ? 1 : 0))
        right += (linear[a][k] - (a === k ? 1 : 0)) * projector[k][c]
      }
      off += left * left + right * right
    }
    return { det, fixesComplement: Math.sqrt(off) < GROUP_TOLERANCE * Math.sqrt(d) }
  }
  const identity = identitySpan(d)
  const inG0 = (m: SpanMap) => {
    if (spanDistance(m, identity) < GROUP_TOLERANCE * Math.sqrt(size)) return true
    for (const grid of grids) {
      for (let g = 0; g < 720; g++) if (spanDistance(m, grid.subarray(g * size * size, (g + 1) * size * size)) < GROUP_TOLERANCE * Math.sqrt(size)) return true
    }
    if (fullRotations) {
      const { det, fixesComplement } = onV(m)
      return det > 0 && fixesComplement
    }
    return false
  }
  const invert = (m: SpanMap): SpanMap => {
    const full = new Matrix(Array.from({ length: size }, (_, r) => Array.from(m.subarray(r * size, (r + 1) * size))))
    return Float64Array.from(solveInverse(full).to1DArray())
  }
  const classes: SpanMap[] = [identity]
  const sameClass = (a: SpanMap, b: SpanMap) => inG0(multiplySpan(invert(b), a))
  const generators: number[] = []
  maps.forEach((m, index) => {
    if (classes.length >= MAX_COMPONENTS || classes.some((c) => sameClass(m, c))) return
    generators.push(index)
    // Close under right multiplication by every generator so far.
    for (let k = 0; k < classes.length && classes.length < MAX_COMPONENTS; k++) {
      for (const g of generators) {
        const product = multiplySpan(classes[k], maps[g])
        if (!classes.some((c) => sameClass(product, c))) classes.push(product)
        if (classes.length >= MAX_COMPONENTS) break
      }
    }
  })
  const relations = maps.map((m): Relation => {
    if (!fields.length) return 'commutes'
    const conjugates = fields.map((f) => multiplySpan(multiplySpan(m, f), invert(m)))
    if (conjugates.every((c, k) => spanDistance(c, fields[k]) < GROUP_TOLERANCE * norm(fields[k]))) return 'commutes'
    return conjugates.every((c) => residualOutside(c, fields) < GROUP_TOLERANCE * norm(c)) ? 'normalises' : 'neither'
  })
  const components = classes.length
  const k = Math.round(Math.log2(components))
  const abelian = 2 ** k === components && generators.every((a) => generators.every((b) => sameClass(multiplySpan(maps[a], maps[b]), multiplySpan(maps[b], maps[a]))))
  let name: string
  if (components === 1) name = continuous
  else {
    const reflecting = fullRotations ? generators.find((g) => { const r = onV(maps[g]); return r.det < 0 && r.fixesComplement }) : undefined
    const finite = abelian ? power(k) : `a group of ${components} components`
    if (reflecting !== undefined && abelian) {
      const n = moved.length
      const orthogonal = n === 2 ? 'O(2) = SO(2) ⋊ ℤ₂' : n === 3 ? 'O(3) = SO(3) × ℤ₂' : `O(${n})`
      const rest = generators.filter((g) => g !== reflecting)
      const joiner = rest.every((g) => relations[g] === 'commutes') ? ' × ' : ' ⋊ '
      name = k === 1 ? orthogonal : `${n === 2 ? 'O(2)' : n === 3 ? 'O(3)' : `O(${n})`}${joiner}${power(k - 1)}`
    } else if (continuous === 'trivial') name = finite
    else name = `${continuous}${generators.every((g) => relations[g] === 'commutes') ? ' × ' : ' ⋊ '}${finite}`
  }
  return { name, continuous, components, generators, relations }
}

function solveInverse(m: Matrix): Matrix {
  // Gauss–Jordan on a small matrix (d + 1 ≤ 13).
  const n = m.rows
  const a = m.to2DArray().map((row, r) => [...row, ...Array.from({ length: n }, (_, c) => (r === c ? 1 : 0))])
  for (let c = 0; c < n; c++) {
    let pivot = c
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r
    ;[a[c], a[pivot]] = [a[pivot], a[c]]
    const p = a[c][c] || 1e-300
    for (let j = 0; j < 2 * n; j++) a[c][j] /= p
    for (let r = 0; r < n; r++) {
      if (r === c) continue
      const f = a[r][c]
      if (f !== 0) for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j]
    }
  }
  return new Matrix(a.map((row) => row.slice(n)))
}

/** An orthonormal basis of the space the generators' linear parts move (their column spaces), by Gram–Schmidt. */
function movedSpace(fields: readonly SpanMap[], d: number): number[][] {
  const out: number[][] = []
  const largest = Math.max(1e-300, ...fields.map(norm))
  for (const f of fields) {
    for (let c = 0; c < d; c++) {
      const v = Array.from({ length: d }, (_, a) => f[a * (d + 1) + c])
      for (const q of out) {
        const dot = q.reduce((s, x, a) => s + x * v[a], 0)
        for (let a = 0; a < d; a++) v[a] -= dot * q[a]
      }
      const size = Math.hypot(...v)
      if (size > 1e-6 * largest) out.push(v.map((x) => x / size))
    }
  }
  return out
}

/** The part of c outside the span of `fields` (least squares, Gram–Schmidt), in Frobenius norm. */
function residualOutside(c: SpanMap, fields: readonly SpanMap[]): number {
  const basis: Float64Array[] = []
  for (const f of fields) {
    const v = Float64Array.from(f)
    for (const q of basis) {
      const dot = q.reduce((s, x, i) => s + x * v[i], 0)
      for (let i = 0; i < v.length; i++) v[i] -= dot * q[i]
    }
    const size = norm(v)
    if (size > 1e-9) basis.push(v.map((x) => x / size))
  }
  const r = Float64Array.from(c)
  for (const q of basis) {
    const dot = q.reduce((s, x, i) => s + x * r[i], 0)
    for (let i = 0; i < r.length; i++) r[i] -= dot * q[i]
  }
  return norm(r)
}
