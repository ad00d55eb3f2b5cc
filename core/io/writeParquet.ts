import { parquetWriteBuffer } from 'hyparquet-writer'

/**
 * A Parquet file (hyparquet-writer, snappy pages) of named DOUBLE columns: the features then the truth of n events
 * given row-major, as symscope generate --format parquet writes them. Built in memory: about 8 bytes per value.
 */
export function parquetOf(names: readonly string[], values: ArrayLike<number>, n: number): Uint8Array {
  const width = names.length
  const columnData = names.map((name, j) => {
    const data = new Float64Array(n)
    for (let i = 0; i < n; i++) data[i] = values[i * width + j]
    return { name, data, type: 'DOUBLE' as const }
  })
  return new Uint8Array(parquetWriteBuffer({ columnData }))
}
