import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix'
import { symmetricEigen } from '../../linalg/symmetricEigen.js'
import { thetaToField, type Theta } from './fields.js'
import { killingForm, type Structure } from './lieAlgebra.js'
import { CLUSTER_TOLERANCE, NAME_RANK_TOLERANCE } from '../tolerances.js'

/**
 * The name of an algebra of affine fields v(z) = A z + b (issue 9, item 6), from its structure constants, its Killing
 * form K(X, Y) = tr(ad X ad Y) and the matrices themselves:
 *
 * 1. The translations T = {v : A = 0} form an ideal ([(A, b), (0, t)] = (0, A t)); the linear parts L = {A} are the
 *    quotient algebra g / T, a matrix Lie algebra.
 * 2. L is named by what it preserves where it can: acting on the subspace V it moves (and fixing a complement), L is
 *    so(p, q) when it is every A with Aᵀη + ηA = 0 for one nondegenerate symmetric η of signature (p, q)
 *    (dim L = n(n − 1)/2, n = dim V), sl(n, ℝ) when it is every traceless A, gl(n) when every A.
 * 3. Otherwise L is split: a reductive L (K nondegenerate on [L, L], L = centre ⊕ [L, L]) is the direct sum of its
 *    centre (each central generator named by the spectrum of A: so(2), so(1,1), dilatation, scaling) and the simple
 *    ideals of [L, L], found as the eigenspaces of a generic operator commuting with every ad X (the commutant of the
 *    adjoint representation is ℝ or ℂ on each simple ideal, and 0 between them). Each simple ideal is named by step 2
 *    on its own matrices, else by its dimension and Killing signature (the real forms of dimension 3, 6, 8 and 10).
 * 4. With translations: L ⊕ ℝᵏ when L does not act on them; e(n) = so(n) ⋉ ℝⁿ, iso(p, q) = so(p, q) ⋉ ℝⁿ
 *    (Poincaré-type) when L is so(p, q) on exactly the translated subspace; else L ⋉ ℝᵏ.
 *
 * "unrecognised, dimension m" (or "solvable, dimension m") only when none of these applies.
 */
export function algebraName(basis: readonly Theta[], d: number): string {
  const m = basis.length
  if (m === 0) return '0'
  if (m === d * d + d) return `aff(${d}) = gl(${d}) ⋉ ℝ${superscript(d)}`
  const matrices = basis.map((theta) => thetaToField(theta, d).matrix)
  const offsets = basis.map((theta) => thetaToField(theta, d).offset)
  const scale = Math.max(1e-300, ...basis.map((t) => Math.hypot(...Array.from(t))))
  // Linear parts: an orthonormal basis of span{A_i}; translations: the combinations with A = 0.
  const flat = new Matrix(matrices.map((a) => a.flat()))
  const linear = orthonormalRows(flat.to2DArray(), NAME_RANK_TOLERANCE).map((row) => unflatten(row, d))
  const translations = nullSpaceOf(flat.transpose(), NAME_RANK_TOLERANCE).map((c) => offsets[0].map((_, a) => c.reduce((s, ci, i) => s + ci * offsets[i][a], 0)))
  const k = translations.length
  const given = matrices.filter((a) => norm(a.flat()) > NAME_RANK_TOLERANCE * scale)
  const linearName = linear.length ? matrixAlgebraName(linear, given, d) : null
  if (k === 0) return linearName!.name
  const translationName = `ℝ${k > 1 ? superscript(k) : ''} (translations)`
  if (!linearName) return translationName
  const size = Math.max(...linear.map((a) => norm(a.flat())))
  const acts = linear.some((a) => translations.some((t) => norm(apply(a, t)) > NAME_RANK_TOLERANCE * size * norm(t)))
  if (!acts) return `${linearName.name} ⊕ ${translationName}`
  const translated = orthonormalRows(translations, NAME_RANK_TOLERANCE)
  if (linearName.orthogonal && sameSubspace(translated, linearName.orthogonal.moved)) {
    const { p, q } = linearName.orthogonal
    const n = p + q
    if (q === 0) return `e(${n}) = so(${n}) ⋉ ℝ${superscript(n)}`
    return `iso(${p},${q}) = so(${p},${q}) ⋉ ℝ${superscript(n)}${q === 1 ? ' (Poincaré)' : ''}`
  }
  if (linearName.general && sameSubspace(translated, linearName.general.moved)) {
    const { n } = linearName.general
    return `aff(${n}) = gl(${n}) ⋉ ℝ${n > 1 ? superscript(n) : ''}`
  }
  const inner = linearName.name.includes(' ') ? `(${linearName.name})` : linearName.name
  return `${inner} ⋉ ℝ${k > 1 ? superscript(k) : ''}`
}

interface MatrixAlgebraName {
  name: string
  /** Set when the algebra is so(p, q) of a form on the subspace `moved` (orthonormal rows). */
  orthogonal?: { p: number; q: number; moved: number[][] }
  /** Set when the algebra is gl(n) on the subspace `moved`. */
  general?: { n: number; moved: number[][] }
}

/**
 * Name of a matrix Lie algebra given by orthonormal d × d matrices (steps 2 and 3 above); `given` are the matrices of
 * the basis as found (readable), whose central ones name the centre one by one.
 */
function matrixAlgebraName(matrices: readonly number[][][], given: readonly number[][][], d: number): MatrixAlgebraName {
  const l = matrices.length
  const whole = classicalName(matrices, d)
  if (whole) return whole
  if (l === 1) return { name: oneDimensionalName(matrices[0]) }
  const constants = bracketConstants(matrices)
  const structure: Structure = { constants, closure: 0 }
  const killing = killingForm(structure)
  const adjoint = Array.from({ length: l }, (_, i) => Array.from({ length: l }, (_, r) => Array.from({ length: l }, (_, c) => constants[i][c][r])))
  // Centre: {x : Σ_i x_i c_ij^k = 0 for all j, k}.
  const centreEquations = new Matrix(Array.from({ length: l * l }, (_, jk) => Array.from({ length: l }, (_, i) => constants[i][Math.floor(jk / l)][jk % l])))
  const centre = nullSpaceOf(centreEquations, NAME_RANK_TOLERANCE)
  // Derived algebra [L, L]: the span of all brackets.
  const brackets: number[][] = []
  for (let i = 0; i < l; i++) for (let j = i + 1; j < l; j++) brackets.push(constants[i][j])
  const derived = orthonormalRows(brackets, NAME_RANK_TOLERANCE)
  const killingOnDerived = derived.map((x) => derived.map((y) => bilinear(killing, x, y)))
  const derivedSignature = signature(killingOnDerived)
  const reductive = centre.length + derived.length === l && derivedSignature.positive + derivedSignature.negative === derived.length
  if (!reductive) {
    const solvable = derived.length === 0 || derivedSignature.positive + derivedSignature.negative === 0
    return { name: `${solvable ? 'solvable' : 'unrecognised'}, dimension ${l}` }
  }
  const parts: string[] = []
  for (const ideal of simpleIdeals(adjoint, derived)) {
    const idealMatrices = ideal.map((c) => combine(matrices, c))
    const classical = classicalName(idealMatrices, d)
    const idealKilling = signature(ideal.map((x) => ideal.map((y) => bilinear(killing, x, y))))
    parts.push(classical?.name ?? simpleName(ideal.length, idealKilling))
  }
  parts.sort((a, b) => rank(a) - rank(b))
  if (centre.length) parts.push(...centralNames(given, centre.length))
  return { name: parts.join(' ⊕ ') }
}

/** so(p, q), sl(n, ℝ) or gl(n) on the subspace the matrices move, fixing a complement; null when none of these. */
function classicalName(matrices: readonly number[][][], d: number): MatrixAlgebraName | null {
  const l = matrices.length
  const moved = orthonormalRows(matrices.flatMap((a) => transpose(a)), NAME_RANK_TOLERANCE)
  const n = moved.length
  // Fixed complement: the common kernel has dimension d − n and meets V only in 0.
  const kernel = nullSpaceOf(new Matrix(matrices.flatMap((a) => a)), NAME_RANK_TOLERANCE)
  if (kernel.length !== d - n || orthonormalRows([...moved, ...kernel], NAME_RANK_TOLERANCE).length !== d) return null
  // The matrices on V in the basis `moved` (V is invariant: every A maps into it): A_V = Q A Qᵀ with Q's rows.
  const restricted = matrices.map((a) => moved.map((qr) => moved.map((qc) => bilinear(a, qr, qc))))
  if (l === n * n) return { name: `gl(${n})`, general: { n, moved } }
  const traceless = restricted.every((a) => Math.abs(a.reduce((s, row, i) => s + row[i], 0)) <= NAME_RANK_TOLERANCE * norm(a.flat()))
  if (l === n * n - 1 && traceless && n > 2) return { name: `sl(${n},ℝ)` }
  if (l === 3 && n === 2 && traceless) return { name: 'sl(2,ℝ) ≅ so(2,1)' }
  if (l !== (n * (n - 1)) / 2 || n < 2) return null
  // Symmetric η (n(n + 1)/2 unknowns) with A_Vᵀη + ηA_V = 0 for every A: a one-dimensional solution space.
  const pairs: [number, number][] = []
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) pairs.push([i, j])
  const equations: number[][] = []
  for (const a of restricted) {
    for (let r = 0; r < n; r++) {
      for (let c = r; c < n; c++) {
        // (Aᵀη + ηA)_rc = Σ_s a_sr η_sc + η_rs a_sc.
        equations.push(pairs.map(([i, j]) => {
          let v = 0
          for (const [s, t] of i === j ? [[i, j]] : [[i, j], [j, i]]) {
            if (t === c) v += a[s][r]
            if (s === r) v += a[t][c]
          }
          return v
        }))
      }
    }
  }
  const forms = nullSpaceOf(new Matrix(equations), NAME_RANK_TOLERANCE)
  if (forms.length !== 1) return null
  const eta = Array.from({ length: n }, () => new Array(n).fill(0))
  pairs.forEach(([i, j], k) => (eta[i][j] = eta[j][i] = forms[0][k]))
  const { positive, negative } = signature(eta)
  if (positive + negative !== n) return null
  const [p, q] = [Math.max(positive, negative), Math.min(positive, negative)]
  const isomorphism = ISOMORPHISMS[`${p},${q}`]
  const name = q === 0 ? `so(${n})` : `so(${p},${q})`
  return { name: isomorphism ? `${name} ≅ ${isomorphism}` : name, orthogonal: { p, q, moved } }
}

/** Low-dimensional coincidences named beside so(p, q). */
const ISOMORPHISMS: Record<string, string> = {
  '4,0': 'so(3) ⊕ so(3)',
  '2,2': 'sl(2,ℝ) ⊕ sl(2,ℝ)',
  '6,0': 'su(4)',
  '3,3': 'sl(4,ℝ)',
}

/** A simple real Lie algebra by dimension and the signature of its Killing form (negative count = compact part). */
function simpleName(dimension: number, killing: { positive: number; negative: number }): string {
  const table: Record<string, string> = {
    '3,3': 'su(2) ≅ so(3)',
    '3,1': 'sl(2,ℝ) ≅ so(2,1)',
    '6,3': 'so(3,1) ≅ sl(2,ℂ)',
    '8,8': 'su(3)',
    '8,3': 'sl(3,ℝ)',
    '8,4': 'su(2,1)',
    '10,10': 'so(5)',
    '10,6': 'so(4,1)',
    '10,4': 'so(3,2) ≅ sp(4,ℝ)',
  }
  return table[`${dimension},${killing.negative}`] ?? `simple, dimension ${dimension}, Killing signature (${killing.positive}, ${killing.negative})`
}

/**
 * The simple ideals of a semisimple algebra (given as the orthonormal rows `derived` in the coordinates of `adjoint`):
 * the operators T on L with T ad X = ad X T for every X form, on each simple ideal, ℝ or ℂ, and vanish between ideals;
 * the generalised eigenspaces of one generic T (coefficients fixed, so the result is deterministic) are the ideals.
 */
function simpleIdeals(adjoint: readonly number[][][], derived: readonly number[][]): number[][][] {
  const s = derived.length
  if (s === 0) return []
  // ad restricted to S = [L, L] in the basis `derived` (orthonormal): ad_S(x)_rc = derived_r · ad(x) derived_c.
  const ads = derived.map((x) => {
    const ad = combine(adjoint, x)
    return derived.map((r) => derived.map((c) => bilinear(ad, r, c)))
  })
  const equations: number[][] = []
  for (const ad of ads) {
    for (let r = 0; r < s; r++) {
      for (let c = 0; c < s; c++) {
        // (T ad − ad T)_rc with T flattened row-major.
        const row = new Array(s * s).fill(0)
        for (let k = 0; k < s; k++) {
          row[r * s + k] += ad[k][c]
          row[k * s + c] -= ad[r][k]
        }
        equations.push(row)
      }
    }
  }
  const commutant = nullSpaceOf(new Matrix(equations), NAME_RANK_TOLERANCE)
  // A generic element: fixed, incommensurate weights (golden-ratio steps) on the commutant's basis.
  const generic = new Array(s * s).fill(0)
  commutant.forEach((t, i) => t.forEach((v, k) => (generic[k] += (1 + ((i * 0.6180339887) % 1)) * v)))
  const operator = Array.from({ length: s }, (_, r) => generic.slice(r * s, r * s + s))
  const eigen = new EigenvalueDecomposition(new Matrix(operator))
  const values = eigen.realEigenvalues.map((re, i) => ({ re, im: Math.abs(eigen.imaginaryEigenvalues[i]) }))
  const spread = Math.max(1e-300, ...values.map((v) => Math.hypot(v.re, v.im)))
  const clusters: { re: number; im: number }[] = []
  for (const v of values) {
    if (!clusters.some((c) => Math.hypot(c.re - v.re, c.im - v.im) < CLUSTER_TOLERANCE * spread)) clusters.push(v)
  }
  return clusters.map(({ re, im }) => {
    // Kernel of (T − re)² + im² on S: the real ideal of the eigenvalue pair re ± i·im.
    const shifted = operator.map((row, r) => row.map((v, c) => v - (r === c ? re : 0)))
    const square = shifted.map((row, r) => row.map((_, c) => row.reduce((sum, v, k) => sum + v * shifted[k][c], 0) + (r === c ? im * im : 0)))
    return nullSpaceOf(new Matrix(square), CLUSTER_TOLERANCE, spread * spread).map((y) => derived[0].map((_, j) => y.reduce((sum, yk, k) => sum + yk * derived[k][j], 0)))
  })
}

/** so(2) (eigenvalues ±iω), so(1,1) (real ±λ, trace 0), dilatation (A ∝ 1), scaling (real spectrum), or ℝ. */
export function oneDimensionalName(matrix: readonly number[][]): string {
  const size = Math.max(0, ...matrix.flat().map(Math.abs))
  if (size === 0) return 'translation'
  const eigen = new EigenvalueDecomposition(new Matrix(matrix.map((r) => [...r])))
  const real = eigen.realEigenvalues
  const imaginary = eigen.imaginaryEigenvalues
  const tol = 1e-7 * size
  if (real.every((r) => Math.abs(r) < tol) && imaginary.some((v) => Math.abs(v) > tol)) return 'so(2)'
  const trace = matrix.reduce((s, row, a) => s + row[a], 0)
  if (matrix.every((row, a) => row.every((v, c) => (a === c ? Math.abs(v - matrix[0][0]) < tol : Math.abs(v) < tol)))) return 'ℝ (dilatation)'
  const realSpectrum = imaginary.every((v) => Math.abs(v) < tol) && real.some((r) => Math.abs(r) > tol)
  if (realSpectrum && Math.abs(trace) < tol) return 'so(1,1)'
  if (realSpectrum) return 'ℝ (scaling)'
  return 'ℝ'
}

/**
 * The centre (dimension k) named by the given basis matrices that are central (commute with all the others), one by
 * one, when k of them are independent; else ℝᵏ.
 */
function centralNames(given: readonly number[][][], k: number): string[] {
  const size = Math.max(...given.map((a) => norm(a.flat())))
  const commutes = (a: readonly number[][], b: readonly number[][]) =>
    norm(a.map((row, r) => row.map((_, c) => row.reduce((s, v, j) => s + v * b[j][c] - b[r][j] * a[j][c], 0))).flat()) <= NAME_RANK_TOLERANCE * size * size
  const central = given.filter((a) => given.every((b) => commutes(a, b)))
  if (orthonormalRows(central.map((a) => a.flat()), NAME_RANK_TOLERANCE).length !== k || central.length !== k) return [k > 1 ? `ℝ${superscript(k)}` : 'ℝ']
  return central.map(oneDimensionalName).sort((a, b) => rank(a) - rank(b))
}

const ORDER = ['so(2)', 'so(1,1)', 'ℝ (dilatation)', 'ℝ (scaling)', 'ℝ']
/** Simple and classical parts first (larger first), then the one-dimensional ones in ORDER. */
const rank = (name: string) => (ORDER.includes(name) ? 100 + ORDER.indexOf(name) : -Number(/\((\d)/.exec(name)?.[1] ?? 0))

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
export const superscript = (k: number) => String(k).replace(/\d/g, (ch) => SUPERSCRIPT_DIGITS[Number(ch)])

// Small dense helpers on plain arrays.
const norm = (v: readonly number[]) => Math.hypot(...v)
const apply = (a: readonly number[][], v: readonly number[]) => a.map((row) => row.reduce((s, x, j) => s + x * v[j], 0))
const transpose = (a: readonly number[][]) => a[0].map((_, c) => a.map((row) => row[c]))
const bilinear = (a: readonly number[][], x: readonly number[], y: readonly number[]) => x.reduce((s, xi, i) => s + xi * a[i].reduce((t, v, j) => t + v * y[j], 0), 0)
const unflatten = (row: readonly number[], d: number) => Array.from({ length: d }, (_, a) => row.slice(a * d, a * d + d))
function combine(matrices: readonly number[][][], c: readonly number[]): number[][] {
  return matrices[0].map((row, r) => row.map((_, s) => c.reduce((sum, ci, i) => sum + ci * matrices[i][r][s], 0)))
}

function signature(symmetric: number[][]): { positive: number; negative: number } {
  if (!symmetric.length) return { positive: 0, negative: 0 }
  // Symmetrised here: a form of rounding-size entries (an η that is zero up to 1e-16) is not symmetric to 1e-10 of
  // its own largest entry, and symmetricEigen would reject it (issue 16's truth suite found one).
  const { values } = symmetricEigen(symmetric.map((row, i) => row.map((v, j) => 0.5 * (v + symmetric[j][i]))))
  const size = Math.max(...values.map(Math.abs))
  return { positive: values.filter((v) => v > NAME_RANK_TOLERANCE * size).length, negative: values.filter((v) => v < -NAME_RANK_TOLERANCE * size).length }
}

/** Orthonormal basis (rows) of the span of the given vectors: SVD, singular values above tolerance × the largest. */
function orthonormalRows(vectors: readonly number[][], tolerance: number): number[][] {
  const rows = vectors.filter((v) => v.some((x) => x !== 0))
  if (!rows.length) return []
  const svd = new SingularValueDecomposition(new Matrix(rows.map((r) => [...r])).transpose(), { autoTranspose: true })
  const largest = Math.max(...svd.diagonal)
  const u = svd.leftSingularVectors
  return svd.diagonal.flatMap((sigma, k) => (sigma > tolerance * largest ? [u.getColumn(k)] : []))
}

/**
 * Orthonormal basis of {x : M x = 0}: right singular vectors with singular value ≤ tolerance × `reference` (by default
 * the largest singular value; a matrix that is zero up to rounding needs its own scale instead).
 */
function nullSpaceOf(m: Matrix, tolerance: number, reference?: number): number[][] {
  const cols = m.columns
  const padded = m.rows < cols ? Matrix.zeros(cols, cols).setSubMatrix(m, 0, 0) : m
  const svd = new SingularValueDecomposition(padded, { computeLeftSingularVectors: false, autoTranspose: false })
  const largest = Math.max(1e-300, ...svd.diagonal)
  const v = svd.rightSingularVectors
  return svd.diagonal.flatMap((sigma, k) => (sigma <= tolerance * (reference ?? largest) ? [v.getColumn(k)] : []))
}

function sameSubspace(a: readonly number[][], b: readonly number[][]): boolean {
  return a.length === b.length && orthonormalRows([...a, ...b], NAME_RANK_TOLERANCE).length === a.length
}

/** c[i][j][k] with [A_i, A_j] = Σ_k c_ijk A_k, for an orthonormal (flattened) basis: projections. */
function bracketConstants(matrices: readonly number[][][]): number[][][] {
  const l = matrices.length
  const flat = matrices.map((a) => a.flat())
  return Array.from({ length: l }, (_, i) =>
    Array.from({ length: l }, (_, j) => {
      const a = matrices[i]
      const b = matrices[j]
      const commutator = a.map((row, r) => row.map((_, c) => row.reduce((s, v, k) => s + v * b[k][c] - b[r][k] * a[k][c], 0))).flat()
      return flat.map((f) => f.reduce((s, v, k) => s + v * commutator[k], 0))
    }),
  )
}
