import type { NamedColumns } from './columnTable.js'
import { checkShape, DEFAULT_READ_LIMITS, type ReadLimits } from './limits.js'
import { readError } from './readError.js'

/** The element types read from .npy files: floats, signed and unsigned integers, booleans (as 0 and 1). */
const DTYPES: Record<string, { size: number; read: (view: DataView, offset: number, little: boolean) => number }> = {
  f4: { size: 4, read: (v, o, l) => v.getFloat32(o, l) },
  f8: { size: 8, read: (v, o, l) => v.getFloat64(o, l) },
  i1: { size: 1, read: (v, o) => v.getInt8(o) },
  i2: { size: 2, read: (v, o, l) => v.getInt16(o, l) },
  i4: { size: 4, read: (v, o, l) => v.getInt32(o, l) },
  i8: { size: 8, read: (v, o, l) => Number(v.getBigInt64(o, l)) },
  u1: { size: 1, read: (v, o) => v.getUint8(o) },
  u2: { size: 2, read: (v, o, l) => v.getUint16(o, l) },
  u4: { size: 4, read: (v, o, l) => v.getUint32(o, l) },
  u8: { size: 8, read: (v, o, l) => Number(v.getBigUint64(o, l)) },
  b1: { size: 1, read: (v, o) => v.getUint8(o) },
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] // \x93NUMPY

/** A 1-D or 2-D numeric array from a .npy file, as rows × columns in C order. */
export interface NpyArray {
  dtype: string
  rows: number
  cols: number
  /** Row-major rows × cols, whatever the file's order. */
  values: Float64Array
}

/** What NumPy's non-numeric dtype kinds hold, to name them in the error. */
const NON_NUMERIC_KINDS: Record<string, string> = {
  U: 'Unicode strings',
  S: 'byte strings',
  a: 'byte strings',
  O: 'Python objects',
  M: 'dates',
  m: 'time spans',
  c: 'complex numbers',
  V: 'raw bytes',
}

/**
 * Reads a .npy file (NumPy format versions 1.0, 2.0, 3.0: numpy.org/doc/stable/reference/generated/numpy.lib.format):
 * the magic string, the version, the header length (2 bytes in 1.0, 4 later), a Python dict literal with `descr`,
 * `fortran_order` and `shape`, then the data. A 1-D array is one column; a 2-D array is events × columns, in C or
 * Fortran order. Structured dtypes, 3-D arrays and object arrays are refused by name. The shape the header declares
 * is checked against `limits` before the values are allocated.
 *
 * @throws {SymscopeError} too_large for a shape past `limits` (rows, columns, cells); invalid_data naming the file and what is wrong: the magic, the header, the dtype, the shape,
 *   a data section shorter than the shape needs (truncated), or a NaN or infinite value (its row and column)
 */
export function readNpy(bytes: Uint8Array, file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): NpyArray {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw readError(file, 'not a .npy file (no \\x93NUMPY magic string)')
  const major = bytes[6]
  if (major < 1 || major > 3) throw readError(file, `.npy format version ${major}.${bytes[7]} is not one of 1.0, 2.0, 3.0`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const lengthBytes = major === 1 ? 2 : 4
  const headerLength = major === 1 ? view.getUint16(8, true) : bytes.length >= 12 ? view.getUint32(8, true) : Infinity
  const dataStart = 8 + lengthBytes + headerLength
  if (dataStart > bytes.length) throw readError(file, `truncated: the header needs ${dataStart} bytes, the file has ${bytes.length}`)
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(8 + lengthBytes, dataStart))
  const descr = /'descr'\s*:\s*'([<>|=])([a-zA-Z])(\d+)'/.exec(header)
  if (!descr) {
    const structured = /'descr'\s*:\s*\[/.test(header)
    throw readError(file, structured ? 'structured (record) dtypes are not read: save a plain 2-D float array' : `header has no simple 'descr': ${header.trim().slice(0, 80)}`)
  }
  const [, order, kind, size] = descr
  const dtype = DTYPES[`${kind}${size}`]
  if (!dtype) {
    const what = NON_NUMERIC_KINDS[kind] ? ` (${NON_NUMERIC_KINDS[kind]})` : ''
    throw readError(file, `dtype '${order}${kind}${size}'${what} is not numeric (read: float32/64, int8–64, uint8–64, bool)`)
  }
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)
  if (!fortran || !shapeText) throw readError(file, `header lacks 'fortran_order' or 'shape': ${header.trim().slice(0, 80)}`)
  const shape = shapeText[1].split(',').map((s) => s.trim()).filter(Boolean).map(Number)
  if (shape.some((d) => !Number.isSafeInteger(d) || d < 0)) throw readError(file, `shape (${shapeText[1]}) is not a tuple of sizes`)
  if (shape.length === 0 || shape.length > 2) throw readError(file, `a ${shape.length}-D array; expected 1-D (one column) or 2-D (events × columns)`)
  const [rows, cols = 1] = shape
  checkShape(file, rows, cols, limits, `shape (${shape.join(', ')})`)
  const needed = rows * cols * dtype.size
  if (bytes.length - dataStart < needed) {
    throw readError(file, `truncated: shape (${shape.join(', ')}) of ${kind}${size} needs ${needed} data bytes, the file has ${bytes.length - dataStart}`)
  }
  const little = order !== '>'
  const values = new Float64Array(rows * cols)
  for (let k = 0; k < rows * cols; k++) {
    // Element k of the file is (r, c) = (k / cols, k % cols) in C order, (k % rows, k / rows) in Fortran order.
    const r = fortran[1] === 'True' ? k % rows : Math.floor(k / cols)
    const c = fortran[1] === 'True' ? Math.floor(k / rows) : k % cols
    const value = dtype.read(view, dataStart + k * dtype.size, little)
    if (!Number.isFinite(value)) throw readError(file, `row ${r + 1}, column ${c + 1}: ${value} is not allowed`, { row: r + 1, column: c + 1 })
    values[r * cols + c] = value
  }
  return { dtype: `${order}${kind}${size}`, rows, cols, values }
}

/**
 * The columns of a NumPy array: named by `columns` (one name per column) or c0 … c(N−1).
 *
 * @throws {SymscopeError} invalid_data when `columns` has the wrong count or a repeated name
 */
export function npyColumns(array: NpyArray, file: string, columns?: readonly string[]): NamedColumns {
  if (columns && columns.length !== array.cols) {
    throw readError(file, `--columns names ${columns.length} columns; the array has ${array.cols}`)
  }
  const names = columns ? [...columns] : Array.from({ length: array.cols }, (_, i) => `c${i}`)
  const repeated = names.find((name, i) => names.indexOf(name) !== i)
  if (repeated !== undefined) throw readError(file, `column name '${repeated}' appears twice in --columns`)
  return { names, n: array.rows, values: array.values }
}
