/** The file formats symscope reads. */
export const INPUT_FORMATS = ['csv', 'npy', 'npz', 'parquet', 'lhe', 'hdf5'] as const
export type InputFormat = (typeof INPUT_FORMATS)[number]

/** File name endings of each format (a trailing .gz is looked through: the file is gunzipped first). */
const EXTENSIONS: [RegExp, InputFormat][] = [
  [/\.(csv|txt)$/i, 'csv'],
  [/\.npy$/i, 'npy'],
  [/\.npz$/i, 'npz'],
  [/\.(parquet|pq)$/i, 'parquet'],
  [/\.lhe$/i, 'lhe'],
  [/\.(h5|hdf5|hdf|he5)$/i, 'hdf5'],
]

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b)

/** Whether `bytes` are gzip data (RFC 1952 magic 1f 8b). */
export const isGzip = (bytes: Uint8Array) => startsWith(bytes, [0x1f, 0x8b])

/** The format a file name's ending names, if any. */
export function formatOfName(name: string): InputFormat | undefined {
  const plain = name.replace(/\.gz$/i, '')
  return EXTENSIONS.find(([pattern]) => pattern.test(plain))?.[1]
}

/** The format the first bytes show (each binary format opens with a signature), if any. */
export function formatOfBytes(bytes: Uint8Array): InputFormat | undefined {
  if (startsWith(bytes, [0x50, 0x41, 0x52, 0x31])) return 'parquet' // PAR1
  if (startsWith(bytes, [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59])) return 'npy' // \x93NUMPY
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'npz' // PK\3\4, a ZIP archive
  if (startsWith(bytes, [0x89, 0x48, 0x44, 0x46])) return 'hdf5' // \x89HDF
  const head = new TextDecoder().decode(bytes.subarray(0, 512))
  if (/<LesHouchesEvents/.test(head)) return 'lhe'
  return undefined
}

/** What a file is: the format named (`--format`), else its name's ending, else its first bytes, else CSV. */
export function formatOf(name: string, bytes: Uint8Array, named?: InputFormat): InputFormat {
  return named ?? formatOfName(name) ?? formatOfBytes(bytes) ?? 'csv'
}

/**
 * What the report calls a file's data: its name without the format's ending, so `events.csv` and `events.parquet`
 * holding the same events are the same data, with the same report id.
 */
export function datasetName(fileName: string): string {
  return fileName.replace(/\.gz$/i, '').replace(/\.(csv|txt|npy|npz|parquet|pq|lhe|h5|hdf5|hdf|he5)$/i, '')
}
