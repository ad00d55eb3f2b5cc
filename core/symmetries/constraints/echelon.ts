import { PIVOT_THRESHOLD } from '../tolerances.js'

/** A basis of the same subspace in reduced row echelon form: each row has a 1 at its pivot column, others 0 there. */
export interface EchelonBasis {
  rows: number[][]
  pivots: number[]
}

/**
 * Reduced row echelon form of a subspace basis with threshold pivoting (as sparse LU solvers choose pivots):
 * at each step any entry within `threshold` of the largest remaining one may be the pivot, and among those the
 * column with the highest `preference` wins. Readability comes from the preference (later features as dependent
 * ones in a linear constraint, x² terms before x in a quadratic one), stability from the threshold. Rows come back
 * sorted by pivot column. A subspace with a basis of disjoint supports gets that basis back (up to scale).
 * Runs in O(k² · m) for k rows of length m.
 */
export function echelonBasis(
  basis: readonly (readonly number[])[],
  preference: (column: number) => number = (column) => -column,
  threshold = PIVOT_THRESHOLD,
): EchelonBasis {
  const rows = basis.map((row) => [...row])
  const width = rows[0]?.length ?? 0
  const pivotRows: number[] = []
  const pivots: number[] = []
  const used = new Set<number>()
  for (let step = 0; step < rows.length; step++) {
    let largest = 0
    for (let r = 0; r < rows.length; r++) {
      if (pivotRows.includes(r)) continue
      for (let c = 0; c < width; c++) if (!used.has(c)) largest = Math.max(largest, Math.abs(rows[r][c]))
    }
    if (largest === 0) break
    let best: { r: number; c: number } | null = null
    for (let r = 0; r < rows.length; r++) {
      if (pivotRows.includes(r)) continue
      for (let c = 0; c < width; c++) {
        if (used.has(c) || Math.abs(rows[r][c]) < threshold * largest) continue
        if (
          !best ||
          preference(c) > preference(best.c) ||
          (preference(c) === preference(best.c) && Math.abs(rows[r][c]) > Math.abs(rows[best.r][best.c]))
        ) {
          best = { r, c }
        }
      }
    }
    const { r, c } = best!
    const pivot = rows[r][c]
    rows[r] = rows[r].map((v) => v / pivot)
    rows[r][c] = 1
    for (let other = 0; other < rows.length; other++) {
      if (other === r || rows[other][c] === 0) continue
      const factor = rows[other][c]
      rows[other] = rows[other].map((v, j) => v - factor * rows[r][j])
      rows[other][c] = 0
    }
    pivotRows.push(r)
    pivots.push(c)
    used.add(c)
  }
  const order = pivots.map((c, i) => ({ c, r: pivotRows[i] })).sort((a, b) => a.c - b.c)
  return { rows: order.map(({ r }) => rows[r]), pivots: order.map(({ c }) => c) }
}
