import type { NamedColumns } from './columnTable.js'
import { checkShape, DEFAULT_READ_LIMITS, type ReadLimits } from './limits.js'
import { npyColumns } from './readNpy.js'
import { readError } from './readError.js'

// h5wasm's types, as far as this reader uses them (the package loads on demand: the CLI and the browser read HDF5,
// workerd cannot compile the wasm it embeds).
interface H5Member {
  name: string
  type: number
  shape?: number[]
  array_type?: { type: number }
}
interface H5Metadata {
  type: number
  shape: number[] | null
  compound_type?: { members: H5Member[] }
}
interface H5Entity {
  keys?: () => string[]
  get?: (path: string) => H5Entity | null
  metadata?: H5Metadata
  value?: unknown
}

/** HDF5 type classes (H5T_class_t) that hold numbers. */
const INTEGER = 0
const FLOAT = 1
const COMPOUND = 6
const ARRAY = 10
const isNumber = (type: number) => type === INTEGER || type === FLOAT

let loaded: Promise<{ h5wasm: typeof import('h5wasm').default; module: Awaited<(typeof import('h5wasm').default)['ready']> }> | undefined

/** h5wasm, loaded once, with HDF5's printing error stack replaced by exceptions (one line per problem, not 30). */
function loadH5wasm() {
  loaded ??= import('h5wasm').then(async ({ default: h5wasm }) => {
    const module = await h5wasm.ready
    module.activate_throwing_error_handler()
    return { h5wasm, module }
  })
  return loaded
}

/** The last "minor:" line of an HDF5 error stack ("Not an HDF5 file", "Read failed"), or its first line. */
function hdf5Reason(error: unknown): string {
  const text = String((error as Error)?.message ?? error)
  const minor = [...text.matchAll(/minor:\s*(.+)/g)].map((m) => m[1].trim())
  return minor.at(-1) ?? text.split('\n')[0].slice(0, 160)
}

/** Paths of every dataset under `group`, depth first. */
function datasetPaths(group: H5Entity, prefix = ''): string[] {
  return (group.keys?.() ?? []).flatMap((key) => {
    const child = group.get!(key)
    if (!child) return []
    const path = `${prefix}/${key}`
    return child.keys ? datasetPaths(child, path) : [path]
  })
}

/** A compound dataset's fields as columns; an array field of k values becomes name_0 … name_(k−1). */
function compoundColumns(entity: H5Entity, where: string, file: string, limits: ReadLimits): NamedColumns {
  const members = entity.metadata!.compound_type!.members
  const names: string[] = []
  const take: { member: number; element: number }[] = []
  members.forEach((member, m) => {
    if (isNumber(member.type)) names.push(member.name), take.push({ member: m, element: -1 })
    else if (member.type === ARRAY && member.array_type && isNumber(member.array_type.type)) {
      const count = (member.shape ?? [1]).reduce((a, b) => a * b, 1)
      for (let k = 0; k < count; k++) names.push(`${member.name}_${k}`), take.push({ member: m, element: k })
    } else throw readError(file, `${where}: field '${member.name}' is not numeric`)
  })
  // The dataspace's declared size is checked before h5wasm reads (and fills) a single row.
  checkShape(file, declaredRows(entity, where, file), names.length, limits, where)
  const rows = entity.value as unknown[][]
  const values = new Float64Array(rows.length * names.length)
  rows.forEach((row, r) => {
    take.forEach(({ member, element }, c) => {
      const cell = element < 0 ? row[member] : (row[member] as ArrayLike<number>)[element]
      values[r * names.length + c] = Number(cell)
    })
  })
  return { names, n: rows.length, values }
}

/** The rows a 1-D dataspace declares (a compound dataset is one row per element). */
function declaredRows(entity: H5Entity, where: string, file: string): number {
  const shape = entity.metadata!.shape ?? []
  if (shape.length !== 1) throw readError(file, `${where}: a ${shape.length}-D compound dataset; expected 1-D (one record per event)`)
  return shape[0]
}

/** A numeric dataset of one or two dimensions as columns (c0 … or `columns`); its shape is checked against `limits` before it is read. */
function arrayColumns(entity: H5Entity, where: string, file: string, limits: ReadLimits, columns?: readonly string[]): NamedColumns {
  const shape = entity.metadata!.shape ?? []
  if (shape.length === 0 || shape.length > 2) throw readError(file, `${where}: a ${shape.length}-D dataset; expected 1-D (one column) or 2-D (events × columns)`)
  const [rows, cols = 1] = shape
  checkShape(file, rows, cols, limits, `${where}: shape (${shape.join(', ')})`)
  const data = entity.value as ArrayLike<number | bigint>
  const values = Float64Array.from({ length: rows * cols }, (_, i) => Number(data[i]))
  return npyColumns({ dtype: 'hdf5', rows, cols, values }, `${file}:${where}`, columns)
}

/** pandas' `to_hdf` fixed layout: block<i>_items (column names) and block<i>_values (rows × columns) per dtype block. */
function pandasFixedColumns(group: H5Entity, where: string, file: string, limits: ReadLimits): NamedColumns {
  const keys = group.keys!()
  const blocks = keys.filter((k) => /^block\d+_values$/.test(k))
  let cells = 0
  const parts = blocks.map((block) => {
    const items = group.get!(block.replace('_values', '_items'))
    checkShape(file, 0, items?.metadata?.shape?.[0] ?? 0, limits, `${where}/${block.replace('_values', '_items')}`)
    const names = Array.from(items?.value as ArrayLike<unknown>, String)
    const part = arrayColumns(group.get!(block)!, `${where}/${block}`, file, { ...limits, maxCells: limits.maxCells - cells }, names)
    cells += part.n * part.names.length
    return part
  })
  const n = parts[0].n
  const names = parts.flatMap((p) => p.names)
  const values = new Float64Array(n * names.length)
  let offset = 0
  for (const part of parts) {
    if (part.n !== n) throw readError(file, `${where}: blocks of ${n} and ${part.n} rows`)
    const width = part.names.length
    for (let r = 0; r < n; r++) for (let c = 0; c < width; c++) values[r * names.length + offset + c] = part.values[r * width + c]
    offset += width
  }
  return { names, n, values }
}

/**
 * Columns of an HDF5 file (read with h5wasm): the dataset at `dataset` (or the file's only dataset), which may be
 * - a 2-D (events × columns) or 1-D numeric dataset: columns c0 … c(N−1), or named by `columns`;
 * - a compound dataset of numeric fields (h5py record arrays; the LHC Olympics and top-tagging tables): a column per
 *   field, an array field of k values as name_0 … name_(k−1);
 * - a group written by pandas `DataFrame.to_hdf`: the fixed layout (block0_items, block0_values, …) with the
 *   frame's column names, or the "table" layout (its `table` compound dataset, `index` left out: write it with
 *   `data_columns=True` so that each column is its own field and keeps its name).
 *
 * Every dataspace's declared shape is checked against `options.limits` before h5wasm reads it.
 *
 * @throws {SymscopeError} too_large for a declared shape past the limits; invalid_data naming the file and the dataset path: not HDF5 or corrupt (HDF5's reason), no
 *   such dataset, several datasets and none chosen, a non-numeric field, a NaN or infinite value (row and column)
 */
export async function readHdf5(bytes: Uint8Array, file: string, options: { dataset?: string; columns?: readonly string[]; limits?: ReadLimits } = {}): Promise<NamedColumns> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS
  if (bytes.length < 8 || bytes[0] !== 0x89 || bytes[1] !== 0x48 || bytes[2] !== 0x44 || bytes[3] !== 0x46) {
    throw readError(file, 'not an HDF5 file (no \\x89HDF signature at its start)')
  }
  const { h5wasm, module } = await loadH5wasm()
  const path = `/symscope-${Date.now()}-${Math.random().toString(36).slice(2)}.h5`
  module.FS.writeFile(path, bytes)
  let h5: InstanceType<typeof h5wasm.File> | undefined
  try {
    try {
      h5 = new h5wasm.File(path, 'r')
    } catch (error) {
      throw readError(file, `not a readable HDF5 file (${hdf5Reason(error)})`)
    }
    const root = h5 as unknown as H5Entity
    let where = options.dataset
    if (where === undefined) {
      const all = datasetPaths(root)
      if (all.length !== 1) throw readError(file, all.length ? `holds ${all.length} datasets (${all.slice(0, 12).join(', ')}): choose one with --dataset` : 'holds no dataset')
      where = all[0]
    }
    const normalised = where.startsWith('/') ? where : `/${where}`
    let entity: H5Entity | null
    try {
      entity = root.get!(normalised)
    } catch (error) {
      throw readError(file, `${normalised}: cannot be read (${hdf5Reason(error)})`)
    }
    if (!entity) throw readError(file, `no dataset ${normalised} (datasets: ${datasetPaths(root).slice(0, 12).join(', ') || 'none'})`)
    let columns: NamedColumns
    try {
      if (entity.keys) {
        const keys = entity.keys()
        if (keys.some((k) => /^block\d+_values$/.test(k))) columns = pandasFixedColumns(entity, normalised, file, limits)
        else if (keys.includes('table')) {
          const table = compoundColumns(entity.get!('table')!, `${normalised}/table`, file, limits)
          const keep = table.names.map((name, i) => (name === 'index' ? -1 : i)).filter((i) => i >= 0)
          columns = dropColumns(table, keep)
        } else throw readError(file, `${normalised} is a group (members: ${keys.join(', ')}): give the path of a dataset`)
        if (options.columns) throw readError(file, `${normalised}: --columns applies to an unnamed 2-D dataset; this table names its columns`)
      } else if (entity.metadata?.type === COMPOUND) {
        if (options.columns) throw readError(file, `${normalised}: --columns applies to an unnamed 2-D dataset; a compound dataset names its fields`)
        columns = compoundColumns(entity, normalised, file, limits)
      } else if (entity.metadata && isNumber(entity.metadata.type)) columns = arrayColumns(entity, normalised, file, limits, options.columns)
      else throw readError(file, `${normalised}: not a numeric or compound dataset (HDF5 type class ${entity.metadata?.type})`)
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'invalid_data' || code === 'too_large') throw error
      throw readError(file, `${normalised}: cannot be read (${hdf5Reason(error)})`)
    }
    const bad = columns.values.findIndex((v) => !Number.isFinite(v))
    if (bad >= 0) {
      const width = columns.names.length
      throw readError(file, `${normalised}: row ${Math.floor(bad / width) + 1}, column '${columns.names[bad % width]}' is ${columns.values[bad]}`)
    }
    return columns
  } finally {
    try {
      h5?.close()
    } catch {
      // A file that failed to open has nothing to close.
    }
    module.FS.unlink(path)
  }
}

/** The columns `keep` of a table, in that order. */
function dropColumns(table: NamedColumns, keep: number[]): NamedColumns {
  const width = table.names.length
  const values = new Float64Array(table.n * keep.length)
  for (let r = 0; r < table.n; r++) keep.forEach((c, j) => (values[r * keep.length + j] = table.values[r * width + c]))
  return { names: keep.map((c) => table.names[c]), n: table.n, values }
}
