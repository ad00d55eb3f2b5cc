import { SymscopeError, type ErrorCode } from '../errors.js'
import { TRUTH_PREFIX } from '../csv/limits.js'

/**
 * The numeric table every reader returns (CSV, NumPy, Parquet, LHE, HDF5): row-major f64 features and truth with the
 * names of their columns. The analysis reads nothing else from a file.
 */
export interface ColumnTable {
  featureNames: string[]
  truthNames: string[]
  n: number
  features: Float64Array
  truth: Float64Array
}

/** Which columns are features and which truth; the same options for every format. */
export interface ColumnRoles {
  /** Columns to use as features; default: every column not named `truth_*`. */
  features?: readonly string[]
  /** Columns to keep as truth; default: every `truth_*` column. Columns in neither list are ignored. */
  truth?: readonly string[]
}

/** Every column of a file, before roles are chosen: n rows of `names.length` values, row-major. */
export interface NamedColumns {
  names: string[]
  n: number
  values: Float64Array
}

/**
 * Indexes of the feature and truth columns among `names` under `roles` (the `truth_` convention unless the roles
 * name them). Errors carry `code`: invalid_csv for CSV, invalid_data for the other formats.
 */
export function pickColumns(names: readonly string[], roles: ColumnRoles, code: ErrorCode = 'invalid_data'): { features: number[]; truth: number[] } {
  const fail = (message: string) => new SymscopeError(code, message)
  const index = new Map(names.map((name, i) => [name, i]))
  const pick = (wanted: readonly string[], role: string) =>
    wanted.map((name) => {
      const i = index.get(name)
      if (i === undefined) throw fail(`${role} column '${name}' is not in the ${code === 'invalid_csv' ? 'header' : 'data'} (columns: ${names.join(', ')})`)
      return i
    })
  const truth = roles.truth ? pick(roles.truth, 'truth') : names.flatMap((n, i) => (n.startsWith(TRUTH_PREFIX) ? [i] : []))
  const features = roles.features
    ? pick(roles.features, 'feature')
    : names.flatMap((n, i) => (!n.startsWith(TRUTH_PREFIX) && !truth.includes(i) ? [i] : []))
  const overlap = features.find((i) => truth.includes(i))
  if (overlap !== undefined) throw fail(`column '${names[overlap]}' cannot be both a feature and truth`)
  if (features.length === 0) throw fail('no feature columns: every column is truth (named truth_*) or excluded')
  return { features, truth }
}

/** The column table of `columns` under `roles`: the features and truth picked out, each row-major. */
export function tableFromColumns(columns: NamedColumns, roles: ColumnRoles = {}): ColumnTable {
  const { names, n, values } = columns
  const { features, truth } = pickColumns(names, roles)
  const width = names.length
  const gather = (indexes: number[]) => {
    const out = new Float64Array(n * indexes.length)
    for (let r = 0; r < n; r++) for (let j = 0; j < indexes.length; j++) out[r * indexes.length + j] = values[r * width + indexes[j]]
    return out
  }
  return { featureNames: features.map((i) => names[i]), truthNames: truth.map((i) => names[i]), n, features: gather(features), truth: gather(truth) }
}
