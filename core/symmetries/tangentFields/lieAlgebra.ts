import { Matrix } from 'ml-matrix'
import { leastSquares } from '../../linalg/leastSquares.js'
import type { Theta } from './fields.js'
import { snapFraction } from '../constraints/fractions.js'

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
  const solve = leastSquares(columns)
  let closure = 0
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const target = bracket(basis[i], basis[j], d)
      const size = Math.hypot(...Array.from(target))
      if (size <= 1e-12 * scale * scale) continue
      const c = solve(Matrix.columnVector(Array.from(target))).to1DArray()
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
