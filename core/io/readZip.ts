import { inflate } from './inflate.js'
import { limitError } from './limits.js'
import { readError } from './readError.js'

/** One member of a ZIP archive, its bytes uncompressed. */
export interface ZipEntry {
  name: string
  bytes: Uint8Array
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50

/**
 * The members of a ZIP archive (PKWARE APPNOTE 6.3: the end-of-central-directory record, the central directory, each
 * local header), stored (method 0) or deflated (method 8): what numpy.savez and numpy.savez_compressed write.
 * ZIP64 archives (members over 4 GiB) are beyond the input size limit and refused. Only members `want` names are
 * inflated; each member's declared size is checked against what is left of `maxBytes` before it is inflated, and
 * inflation stops at that size, so a bomb is refused having spent at most `maxBytes`.
 *
 * @throws {SymscopeError} too_large when the members together pass `maxBytes`; invalid_data naming the archive and
 *   the broken record or member
 */
export async function readZip(bytes: Uint8Array, file: string, options: { maxBytes?: number; want?: (name: string) => boolean } = {}): Promise<ZipEntry[]> {
  const maxBytes = options.maxBytes ?? Infinity
  let left = maxBytes
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record is 22 bytes plus a comment of at most 65,535: search backwards for its signature.
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) throw readError(file, 'not a ZIP archive, or truncated (no end-of-central-directory record)')
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const entries: ZipEntry[] = []
  for (let e = 0; e < count; e++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw readError(file, `central directory entry ${e + 1} is corrupt`)
    const method = view.getUint16(at + 10, true)
    const compressedSize = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const local = view.getUint32(at + 42, true)
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) throw readError(file, `member '${name}': local header is corrupt`)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    if (start + compressedSize > bytes.length) throw readError(file, `member '${name}' is truncated`)
    if (options.want && !options.want(name)) continue
    if (size > left) {
      throw limitError(file, `member '${name}' holds ${size.toLocaleString('en-US')} bytes, past the limit of ${maxBytes.toLocaleString('en-US')} inflated bytes for the archive`, maxBytes)
    }
    const data = bytes.subarray(start, start + compressedSize)
    let content: Uint8Array
    if (method === 0) content = data
    else if (method === 8) {
      try {
        content = await inflate(data, 'deflate-raw', size, file, `member '${name}'`)
      } catch (error) {
        if ((error as { code?: string }).code !== 'too_large') throw error
        throw readError(file, `member '${name}': inflates to more than the ${size} bytes its directory entry says`)
      }
    } else throw readError(file, `member '${name}' uses compression method ${method}; read: stored (0) or deflate (8)`)
    if (content.length !== size) throw readError(file, `member '${name}': ${content.length} bytes, its directory entry says ${size}`)
    left -= size
    entries.push({ name, bytes: content })
  }
  return entries
}
