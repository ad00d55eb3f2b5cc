/**
 * The header of a .npy file (NumPy format 1.0, numpy.org/doc/stable/reference/generated/numpy.lib.format) for a
 * rows × cols little-endian float64 array in C order: the magic \x93NUMPY, version 1 0, the header length as a
 * little-endian u16, then the dict padded with spaces to a multiple of 64 bytes and ended by a newline. The data
 * (npyRows) follows it.
 */
export function npyHeader(rows: number, cols: number): Uint8Array {
  let dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`
  dict += ' '.repeat((64 - ((10 + dict.length + 1) % 64)) % 64) + '\n'
  const header = new Uint8Array(10 + dict.length)
  header.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0])
  new DataView(header.buffer).setUint16(8, dict.length, true)
  for (let i = 0; i < dict.length; i++) header[10 + i] = dict.charCodeAt(i)
  return header
}

/** Rows 0 … n − 1 of row-major `features` (n × nf) then `truth` (n × nt), as little-endian float64 bytes. */
export function npyRows(features: ArrayLike<number>, truth: ArrayLike<number>, n: number, nf: number, nt: number): Uint8Array {
  const width = nf + nt
  const out = new Uint8Array(8 * n * width)
  const view = new DataView(out.buffer)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < nf; j++) view.setFloat64(8 * (i * width + j), features[i * nf + j], true)
    for (let j = 0; j < nt; j++) view.setFloat64(8 * (i * width + nf + j), truth[i * nt + j], true)
  }
  return out
}
