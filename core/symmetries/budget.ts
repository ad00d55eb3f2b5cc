import { MAX_SYMMETRY_EVENTS } from './tolerances.js'

/**
 * The symmetry search's work estimated from the shape alone, before it starts: the linear step's block moments cost
 * rows · D² and its eigenproblems and echelon forms ~20 · D³ element operations (D the features). The constant 20
 * and the scale (~1e8 operations per second) were measured with findSymmetries on random tables of 60 to 20,000 rows
 * and 32 to 256 columns (bench/RESULTS.md, "Symmetry work"). The steps after it have budgets of their own, estimated
 * from the sizes known before each starts: the simplification of approximate constraints (simplifyWork) and the
 * algebra stages after the tangency system (algebraWork) (docs/limits.md, "Work of each step").
 */
export function symmetryWork(n: number, features: number): number {
  const rows = Math.min(n, MAX_SYMMETRY_EVENTS)
  return rows * features * features + 20 * features ** 3
}

/**
 * Most symmetry work one analysis runs (~2 s on the development machine): the same for the CLI, the web app and the
 * API, so the same data and settings give the same report everywhere. Wider data (about 200 features and more)
 * get a section that says the search was skipped and why, instead of a request that stalls the server.
 */
export const MAX_SYMMETRY_WORK = 2e8

/** The note of a section skipped for its cost, or null when the search fits MAX_SYMMETRY_WORK. */
export function symmetryBudgetNote(n: number, features: number): string | null {
  const work = symmetryWork(n, features)
  if (work <= MAX_SYMMETRY_WORK) return null
  return (
    `symmetry search skipped: ${features} features would cost ~${work.toPrecision(2)} operations (rows · D² + 20 · D³), ` +
    `past the limit of ${MAX_SYMMETRY_WORK.toPrecision(2)} (about 2 s); choose fewer features (--features) to search them`
  )
}

/**
 * The algebra stages' work once the fields tangent to the constraints are known (m of them, in the d² + d entries of
 * an affine field on d coordinates): each stage after the tangency system — the data-tangent and closure checks,
 * the invariance proposals and tests, the discrete candidates' group, the names and commutators — solves or brackets
 * every pair of fields against the m-field basis, m² pairs × m · (d² + d) (lieAlgebra.ts, invarianceProposal.ts).
 * Measured on uniform random tables of 10 features (bench/RESULTS.md, "Symmetry work"), where m ≈ 100 fields cost
 * ~10⁸ units and 10 s, so ~10⁷ units per second. The tangency system itself is one SVD of ≤ (d² + d) columns,
 * d ≤ MAX_SPAN_DIMENSION, and the constraint search's monomials are at most MAX_CONSTRAINT_MONOMIALS per degree.
 */
export function algebraWork(coordinates: number, fields: number): number {
  return fields ** 3 * (coordinates * coordinates + coordinates)
}

/** Most algebra work one analysis runs (about 1 s): past it the algebras and the discrete search are skipped, and the note says so. */
export const MAX_ALGEBRA_WORK = 1e7

/** The note of the algebra stages skipped for their cost, or null when they fit MAX_ALGEBRA_WORK. */
export function algebraBudgetNote(coordinates: number, fields: number): string | null {
  const work = algebraWork(coordinates, fields)
  if (work <= MAX_ALGEBRA_WORK) return null
  return (
    `manifold and distribution algebras and discrete symmetries not searched: ${fields} fields tangent to the constraints on ${coordinates} coordinates ` +
    `would cost ~${work.toPrecision(2)} operations (m³ · (d² + d)), past the limit of ${MAX_ALGEBRA_WORK.toPrecision(2)} (about 1 s); ` +
    `they are undetermined, not absent: choose fewer features (--features) to search them`
  )
}

/**
 * The work of simplifying one approximate constraint of degree k (polynomialConstraints.ts, simplifyApproximate):
 * up to ~n trials (a term dropped, or rounded), each one pass over the events of its n monomials and their d
 * gradients: rows · n² · d. On 50,000 uniform events of 10 coordinates (n = 65 monomials) that is ~2·10⁹ and 2 s.
 */
export function simplifyWork(rows: number, monomials: number, coordinates: number): number {
  return Math.min(rows, MAX_SYMMETRY_EVENTS) * monomials * monomials * coordinates
}

/** Most simplification work per constraint (about 0.5 s): past it the computed coefficients are kept as they are. */
export const MAX_SIMPLIFY_WORK = 5e8

/** The note of an approximate constraint left unsimplified for its cost, or null when its simplification fits. */
export function simplifyBudgetNote(rows: number, monomials: number, coordinates: number, degree: number): string | null {
  const work = simplifyWork(rows, monomials, coordinates)
  if (work <= MAX_SIMPLIFY_WORK) return null
  return (
    `approximate constraints of degree ${degree} written with their computed coefficients, not simplified: simplifying one of ${monomials} monomials on ` +
    `${Math.min(rows, MAX_SYMMETRY_EVENTS).toLocaleString('en-US')} events would cost ~${work.toPrecision(2)} operations (rows · n² · d), past the limit of ${MAX_SIMPLIFY_WORK.toPrecision(2)}`
  )
}
