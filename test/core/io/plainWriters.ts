// Writers that run anywhere (Node and workerd): .npy by hand from the NumPy format specification, Parquet by
// hyparquet-writer. Never the code under test.
import { parquetWriteBuffer } from 'hyparquet-writer'

/**
 * A .npy file by the NumPy format specification (numpy.lib.format, version 1.0): the magic \x93NUMPY, version 1 0,
 * a little-endian u16 header length, an ASCII dict padded with spaces to a multiple of 64 bytes ending in \n, then
 * the data. `values` are given row-major; `fortran` writes them column by column.
 */
export function npyBytes(values: ArrayLike<number>, shape: number[], descr: '<f8' | '<f4' | '>f8' | '<i4' | '<i8' | '|u1', fortran = false): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`
  const unpadded = 10 + header.length + 1
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n'
  const size = { '<f8': 8, '>f8': 8, '<f4': 4, '<i4': 4, '<i8': 8, '|u1': 1 }[descr]
  const [rows, cols = 1] = shape
  const out = new Uint8Array(10 + header.length + rows * cols * size)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0])
  const view = new DataView(out.buffer)
  view.setUint16(8, header.length, true)
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i)
  let at = 10 + header.length
  for (let k = 0; k < rows * cols; k++) {
    const r = fortran ? k % rows : Math.floor(k / cols)
    const c = fortran ? Math.floor(k / rows) : k % cols
    const v = values[r * cols + c]
    if (descr === '<f8') view.setFloat64(at, v, true)
    else if (descr === '>f8') view.setFloat64(at, v, false)
    else if (descr === '<f4') view.setFloat32(at, v, true)
    else if (descr === '<i4') view.setInt32(at, v, true)
    else if (descr === '<i8') view.setBigInt64(at, BigInt(v), true)
    else view.setUint8(at, v)
    at += size
  }
  return out
}

/** A Parquet file of named f64 columns, written by hyparquet-writer (snappy, its default codec). */
export function parquetBytes(columns: Record<string, ArrayLike<number>>, type: 'DOUBLE' | 'FLOAT' | 'INT32' = 'DOUBLE'): Uint8Array {
  const columnData = Object.entries(columns).map(([name, data]) => ({ name, data: Array.from(data), type }))
  return new Uint8Array(parquetWriteBuffer({ columnData }))
}

