import { EigenvalueDecomposition, Matrix, solve } from 'ml-matrix'
import { symmetricEigen } from '../linalg/symmetricEigen.js'
import { thetaToField, type Theta } from './fields.js'
import { snapFraction } from './fractions.js'

/** The bracket of affine fields X = (A, b): [X, Y] = (A_X A_Y − A_Y A_X, A_X b_Y − A_Y b_X) (the affine Lie algebra). */
export function bracket(x: Theta, y: Theta, d: number): Theta {
  const out = new Float64Array(d * d + d)
  for (let a = 0; a < d; a++) {
    for (let c = 0; c < d; c++) {
      let sum = 0
      for (let k = 0; k < d; k++) sum += x[a * d + k] * y[k * d + c] - y[a * d + k] * x[k * d + c]
      out[a * d + c] = sum
    }
    let shift = 0
    for (let k = 0; k < d; k++) shift += x[a * d + k] * y[d * d + k] - y[a * d + k] * x[d * d + k]
    out[d * d + a] = shift
  }
  return out
}

/** Structure of an algebra given by a basis: c[i][j][k] with [X_i, X_j] = Σ_k c_ijk X_k, and whether it closes. */
export interface Structure {
  constants: number[][][]
  /** Largest relative part of a bracket outside the span of the basis (0 for a Lie algebra). */
  closure: number
}

export function structureConstants(basis: readonly Theta[], d: number): Structure {
  const m = basis.length
  const constants = Array.from({ length: m }, () => Array.from({ length: m }, () => new Array(m).fill(0)))
  if (m === 0) return { constants, closure: 0 }
  const columns = new Matrix(basis.map((t) => Array.from(t))).transpose()
  const scale = Math.max(...basis.map((t) => Math.hypot(...Array.from(t))))
  let closure = 0
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const target = bracket(basis[i], basis[j], d)
      const size = Math.hypot(...Array.from(target))
      if (size <= 1e-12 * scale * scale) continue
      const c = solve(columns, Matrix.columnVector(Array.from(target)), true).to1DArray()
      const back = columns.mmul(Matrix.columnVector(c)).to1DArray()
      closure = Math.max(closure, Math.hypot(...back.map((v, k) => v - target[k])) / size)
      c.forEach((v, k) => {
        constants[i][j][k] = v
        constants[j][i][k] = -v
      })
    }
  }
  return { constants, closure }
}

/** The nonzero brackets as text, "[X1, X2] = X3", coefficients rounded to simple fractions. */
export function commutatorList(structure: Structure): { pair: [number, number]; coefficients: number[]; text: string }[] {
  const { constants } = structure
  const m = constants.length
  const out: { pair: [number, number]; coefficients: number[]; text: string }[] = []
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const raw = constants[i][j]
      const largest = Math.max(0, ...raw.map(Math.abs))
      if (largest < 1e-9) continue
      const coefficients = raw.map((v) => (Math.abs(v) < 1e-6 * largest ? 0 : snapFraction(v, 1e-6)))
      const terms = coefficients
        .map((c, k) => [c, k] as const)
        .filter(([c]) => c !== 0)
        .map(([c, k], t) => {
          const size = Math.abs(c) === 1 ? '' : `${Number(Math.abs(c).toPrecision(4))} `
          const sign = c < 0 ? (t === 0 ? '−' : '− ') : t === 0 ? '' : '+ '
          return `${sign}${size}X${k + 1}`
        })
      out.push({ pair: [i + 1, j + 1], coefficients, text: `[X${i + 1}, X${j + 1}] = ${terms.join(' ')}` })
    }
  }
  return out
}

/** Killing form K_ij = tr(ad X_i ad X_j), (ad X_i)_lk = c_ikl. */
export function killingForm(structure: Structure): number[][] {
  const c = structure.constants
  const m = c.length
  return Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) => {
      let sum = 0
      for (let k = 0; k < m; k++) for (let l = 0; l < m; l++) sum += c[i][k][l] * c[j][l][k]
      return sum
    }),
  )
}

/** so(2) (elliptic: eigenvalues ±iω), so(1,1) (hyperbolic: real ±λ, trace 0), translation (A = 0), dilatation (A ∝ 1), or ℝ. */
export function oneDimensionalName(theta: Theta, d: number): string {
  const { matrix } = thetaToField(theta, d)
  const size = Math.max(0, ...matrix.flat().map(Math.abs))
  if (size < 1e-9 * Math.max(1e-300, ...Array.from(theta).map(Math.abs))) return 'translation'
  const eigen = new EigenvalueDecomposition(new Matrix(matrix))
  const real = eigen.realEigenvalues
  const imaginary = eigen.imaginaryEigenvalues
  const tol = 1e-7 * size
  if (real.every((r) => Math.abs(r) < tol) && imaginary.some((v) => Math.abs(v) > tol)) return 'so(2)'
  const trace = matrix.reduce((s, row, a) => s + row[a], 0)
  if (matrix.every((row, a) => row.every((v, c) => (a === c ? Math.abs(v - matrix[0][0]) < tol : Math.abs(v) < tol)))) return 'ℝ (dilatation)'
  if (imaginary.every((v) => Math.abs(v) < tol) && Math.abs(trace) < tol && real.some((r) => Math.abs(r) > tol)) return 'so(1,1)'
  return 'ℝ'
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const superscript = (k: number) => String(k).replace(/\d/g, (ch) => SUPERSCRIPT_DIGITS[Number(ch)])

const ORDER = ['so(3,1)', 'so(3)', 'so(2,1)', 'so(2)', 'so(1,1)', 'ℝ (dilatation)', 'ℝ']

/**
 * A name for the algebra: aff(d) when every affine field of the span is in it; otherwise the direct sum of the
 * connected components of its bracket graph (basis elements joined when their bracket is nonzero or has a component
 * along the other), each named from its dimension and Killing form: so(2), so(1,1) or a translation (1-dimensional,
 * by the spectrum of A), so(3) (3-dimensional, Killing form negative definite), so(2,1) (3, indefinite), so(3,1)
 * (6, signature (3, 3)), "so(2) ⋉ ℝ²" when translations form an ideal beside a named part, else "k-dimensional".
 * Translations are collected as ℝᵏ.
 */
export function algebraName(basis: readonly Theta[], structure: Structure, d: number): string {
  const m = basis.length
  if (m === 0) return '0'
  if (m === d * d + d) return `aff(${d}) = gl(${d}) ⋉ ℝ${superscript(d)}`
  const c = structure.constants
  const scale = Math.max(1e-300, ...c.flat(2).map(Math.abs))
  const parent = Array.from({ length: m }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])))
  const join = (i: number, j: number) => (parent[find(i)] = find(j))
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      for (let k = 0; k < m; k++) {
        if (Math.abs(c[i][j][k]) > 1e-7 * scale) {
          join(i, j)
          join(i, k)
        }
      }
    }
  }
  const components = new Map<number, number[]>()
  for (let i = 0; i < m; i++) components.set(find(i), [...(components.get(find(i)) ?? []), i])
  const names: string[] = []
  let translations = 0
  for (const members of components.values()) {
    const name = componentName(members, basis, c, d)
    if (name === 'translation') translations++
    else names.push(name)
  }
  names.sort((a, b) => rank(a) - rank(b))
  if (translations) names.push(`ℝ${translations > 1 ? superscript(translations) : ''} (translations)`)
  return names.join(' ⊕ ')
}

const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length)

function componentName(members: number[], basis: readonly Theta[], c: number[][][], d: number): string {
  if (members.length === 1) return oneDimensionalName(basis[members[0]], d)
  const m = members.length
  const restricted: Structure = {
    constants: members.map((i) => members.map((j) => members.map((k) => c[i][j][k]))),
    closure: 0,
  }
  const killing = killingForm(restricted)
  const { values } = symmetricEigen(killing)
  const size = Math.max(...values.map(Math.abs))
  const positive = values.filter((v) => v > 1e-7 * size).length
  const negative = values.filter((v) => v < -1e-7 * size).length
  if (size > 0 && positive + negative === m) {
    if (m === 3) return negative === 3 ? 'so(3)' : 'so(2,1)'
    if (m === 6 && positive === 3 && negative === 3) return 'so(3,1)'
    return `semisimple, dimension ${m}, Killing signature (${positive}, ${negative})`
  }
  // Translations forming an ideal beside a named subalgebra: so(2) ⋉ ℝ², the Euclidean algebra of the plane.
  const isTranslation = members.map((i) => oneDimensionalName(basis[i], d) === 'translation')
  const rest = members.filter((_, k) => !isTranslation[k])
  const count = m - rest.length
  if (count > 0 && rest.length > 0) {
    const restClosed = rest.every((i) => rest.every((j) => members.every((k) => rest.includes(k) || Math.abs(c[i][j][k]) < 1e-9)))
    if (restClosed) {
      const inner = rest.length === 1 ? oneDimensionalName(basis[rest[0]], d) : componentName(rest, basis, c, d)
      return `${inner} ⋉ ℝ${count > 1 ? superscript(count) : ''}`
    }
  }
  return `${m}-dimensional`
}
