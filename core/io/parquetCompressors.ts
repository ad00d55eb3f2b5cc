// The Parquet codecs, from hyparquet-compressors' pure-JavaScript decoders. Its index is not imported: it builds
// hysnappy's snappy decoder by compiling WebAssembly from bytes when loaded, which workerd forbids
// (docs/platform.md); hyparquet's own JavaScript snappy decodes SNAPPY pages instead.
import { decompress as decompressZstd } from 'fzstd'
import type { Compressors } from 'hyparquet'
import { decompressBrotli } from 'hyparquet-compressors/src/brotli.js'
import { gunzip } from 'hyparquet-compressors/src/gzip.js'
import { decompressLz4, decompressLz4Raw } from 'hyparquet-compressors/src/lz4.js'

/**
 * Every codec but SNAPPY (hyparquet's default) and LZO (which no writer here emits). Each decompresses into a buffer
 * of the page's declared uncompressed size, which checkParquetPages has held to the read limit.
 */
export const parquetCompressors: Compressors = {
  GZIP: (input, length) => gunzip(input, new Uint8Array(length)),
  BROTLI: decompressBrotli,
  // Into a buffer of the page's declared size: without one, fzstd allocates what the frame header claims.
  ZSTD: (input, length) => decompressZstd(input, new Uint8Array(length)),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
}
