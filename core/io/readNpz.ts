import type { NamedColumns } from './columnTable.js'
import { npyColumns, readNpy } from './readNpy.js'
import { checkShape, DEFAULT_READ_LIMITS, type ReadLimits } from './limits.js'
import { readError } from './readError.js'
import { readZip } from './readZip.js'

/**
 * The columns of a .npz archive (numpy.savez or savez_compressed: a ZIP of .npy members named by their keys):
 * - `array` given: that member, read as a .npy file (columns from `columns` or c0 … c(N−1));
 * - one member: that one;
 * - else every member must be 1-D with the same length, and each becomes a column named by its key
 *   (`np.savez('events.npz', px=px, py=py)`), in the archive's order.
 *
 * Members are inflated within `limits.maxBytes` together and each array's shape is checked against `limits`.
 *
 * @throws {SymscopeError} too_large past `limits`; invalid_data naming the archive, the member (missing, not .npy, of another length)
 */
export async function readNpz(bytes: Uint8Array, file: string, options: { array?: string; columns?: readonly string[]; limits?: ReadLimits } = {}): Promise<NamedColumns> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS
  const isNpy = (name: string) => name.endsWith('.npy')
  const members = await readZip(bytes, file, { maxBytes: limits.maxBytes, want: isNpy })
  const keys = members.map((entry) => entry.name.replace(/\.npy$/, ''))
  if (members.length === 0) throw readError(file, 'the archive holds no .npy member')
  const chosen = options.array ?? (members.length === 1 ? keys[0] : undefined)
  if (chosen !== undefined) {
    const member = members[keys.indexOf(chosen)]
    if (!member) throw readError(file, `no array '${chosen}' (arrays: ${keys.join(', ')})`)
    return npyColumns(readNpy(member.bytes, `${file}:${chosen}`, limits), file, options.columns)
  }
  if (options.columns) throw readError(file, `--columns applies to one 2-D array; this archive holds ${keys.length} (${keys.join(', ')}): choose one with --dataset`)
  checkShape(file, 0, keys.length, limits, `${keys.length} arrays`)
  // Each array's values count against the cell limit as it is read, so k arrays of n values never pass it.
  let cells = 0
  const arrays = members.map((member, i) => {
    const array = readNpy(member.bytes, `${file}:${keys[i]}`, { ...limits, maxCells: limits.maxCells - cells })
    cells += array.rows * array.cols
    return array
  })
  const n = arrays[0].rows
  arrays.forEach((array, i) => {
    if (array.cols !== 1 || array.rows !== n) {
      throw readError(file, `array '${keys[i]}' is ${array.rows} × ${array.cols}; columns of one table are 1-D arrays of the same length (${keys[0]}: ${n}), or choose one array with --dataset`)
    }
  })
  checkShape(file, n, arrays.length, limits)
  const values = new Float64Array(n * arrays.length)
  for (let r = 0; r < n; r++) for (let c = 0; c < arrays.length; c++) values[r * arrays.length + c] = arrays[c].values[r]
  return { names: keys, n, values }
}
