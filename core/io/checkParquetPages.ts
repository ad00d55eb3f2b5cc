import type { FileMetaData } from 'hyparquet'
import { parquetHeader } from 'hyparquet/src/column.js'
import { limitError } from './limits.js'
import { readError } from './readError.js'

const PAGE_TYPES = new Set(['DATA_PAGE', 'DATA_PAGE_V2', 'DICTIONARY_PAGE'])

/** Largest page, uncompressed: a page this size would be 256 MiB of values, far past any file the readers take. */
const MAX_PAGE_BYTES = 256 * 1024 * 1024

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0

/** The values of a data page whose header is whole (its counts, encodings and level lengths present), else undefined. */
function dataPageValues(header: ReturnType<typeof parquetHeader>, size: number): number | undefined {
  if (header.type === 'DATA_PAGE') {
    const page = header.data_page_header
    return page && isCount(page.num_values) && page.num_values > 0 && page.encoding && page.definition_level_encoding && page.repetition_level_encoding ? page.num_values : undefined
  }
  const page = header.data_page_header_v2
  const whole =
    page &&
    isCount(page.num_values) &&
    page.num_values > 0 &&
    isCount(page.num_nulls) &&
    page.num_nulls <= page.num_values &&
    isCount(page.num_rows) &&
    page.encoding &&
    isCount(page.definition_levels_byte_length) &&
    isCount(page.repetition_levels_byte_length) &&
    page.definition_levels_byte_length + page.repetition_levels_byte_length <= size
  return whole ? page.num_values : undefined
}

/**
 * Walks the page headers of each column chunk to read, before hyparquet decodes them: every page has a known type,
 * sizes that fit inside its chunk, and the data pages' value counts add up to the chunk's. hyparquet trusts these
 * headers, and a corrupt one can make it loop without moving on (a page of no values); this check turns such a
 * file into one line naming the row group, the column and the byte offset. The pages' uncompressed sizes together
 * must stay within `maxBytes` (each codec decompresses into a buffer of its page's declared size, so this bounds
 * what decompression can allocate), and each column chunk must hold one value per row of its group.
 *
 * @throws {SymscopeError} too_large when the pages inflate past `maxBytes`; invalid_data naming the file, row group, column and offset of the first bad page header
 */
export function checkParquetPages(buffer: ArrayBuffer, metadata: FileMetaData, columns: readonly string[], file: string, maxBytes = Infinity): void {
  const view = new DataView(buffer)
  let rows = 0n
  let inflated = 0
  metadata.row_groups.forEach((group, g) => {
    rows += group.num_rows
    for (const chunk of group.columns) {
      const meta = chunk.meta_data
      if (!meta || !columns.includes(meta.path_in_schema.join('.'))) continue
      const where = `row group ${g + 1}, column '${meta.path_in_schema.join('.')}'`
      if (meta.num_values !== group.num_rows) throw readError(file, `${where}: ${meta.num_values} values in a group of ${group.num_rows} rows`)
      const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset)
      const end = start + Number(meta.total_compressed_size)
      if (!(start >= 4 && end <= buffer.byteLength - 8 && end > start)) throw readError(file, `${where}: its pages lie outside the file (bytes ${start}–${end} of ${buffer.byteLength})`)
      const reader = { view, offset: start }
      let values = 0
      while (values < Number(meta.num_values)) {
        const at = reader.offset
        let header
        try {
          header = parquetHeader(reader)
        } catch (error) {
          throw readError(file, `${where}: corrupt page header at byte ${at} (${(error as Error).message})`)
        }
        const size = header.compressed_page_size
        const ok =
          header.type !== undefined &&
          PAGE_TYPES.has(header.type) &&
          Number.isInteger(size) &&
          size > 0 &&
          reader.offset + size <= end &&
          Number.isInteger(header.uncompressed_page_size) &&
          header.uncompressed_page_size >= 0 &&
          header.uncompressed_page_size <= MAX_PAGE_BYTES
        if (!ok) throw readError(file, `${where}: corrupt page header at byte ${at}`)
        inflated += header.uncompressed_page_size
        if (inflated > maxBytes) throw limitError(file, `${where}: the pages inflate to more than ${maxBytes.toLocaleString('en-US')} bytes, the limit`, maxBytes)
        if (header.type !== 'DICTIONARY_PAGE') {
          const count = dataPageValues(header, size)
          if (count === undefined) throw readError(file, `${where}: corrupt data page header at byte ${at}`)
          values += count
          if (values > Number(meta.num_values)) throw readError(file, `${where}: its pages hold more values than its metadata's ${meta.num_values}`)
        }
        reader.offset += size
        if (reader.offset >= end && values < Number(meta.num_values)) {
          throw readError(file, `${where}: its pages hold ${values} values, its metadata says ${meta.num_values}`)
        }
      }
    }
  })
  if (rows !== metadata.num_rows) throw readError(file, `the row groups hold ${rows} rows, the footer says ${metadata.num_rows}`)
}
