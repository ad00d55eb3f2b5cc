// Parquet's reader and writer as the library exports them: each loads hyparquet (and its codecs, or
// hyparquet-writer) on its first call, not when core is imported. The two packages are ~90 modules (~0.1 s of CPU
// to load); an analysis of a generated dataset or of a CSV file never reads or writes Parquet, and neither does
// `symscope --help` (docs/performance.md, "Start-up").
import type { ReadLimits } from './limits.js'
import type { NamedColumns } from './columnTable.js'

/** readParquet.ts's `readParquet`, loaded on first use: same arguments, same result, same errors. */
export async function readParquet(bytes: Uint8Array, file: string, required?: readonly string[], limits?: ReadLimits): Promise<NamedColumns> {
  const { readParquet: read } = await import('./readParquet.js')
  return read(bytes, file, required, limits)
}

/** writeParquet.ts's `parquetOf`, loaded on first use (hence a promise): the same bytes. */
export async function parquetOf(names: readonly string[], values: ArrayLike<number>, n: number): Promise<Uint8Array> {
  const { parquetOf: write } = await import('./writeParquet.js')
  return write(names, values, n)
}
