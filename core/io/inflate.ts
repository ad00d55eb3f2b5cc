import { limitError } from './limits.js'
import { readError } from './readError.js'

/**
 * Inflates gzip (RFC 1952) or raw DEFLATE (RFC 1951) data with the platform's DecompressionStream (Node ≥ 20,
 * browsers, workerd), reading the output a chunk at a time and stopping as soon as it passes `maxBytes`: a bomb
 * (a few kB that inflate to gigabytes) costs at most `maxBytes` plus one chunk before it is refused.
 *
 * @throws {SymscopeError} too_large past `maxBytes` (naming `what` and the limit); invalid_data for corrupt or
 *   truncated data
 */
export async function inflate(bytes: Uint8Array, format: 'gzip' | 'deflate-raw', maxBytes: number, file: string, what = 'the data'): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream(format)).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        chunks.length = 0
        await reader.cancel().catch(() => {})
        throw limitError(file, `${what} inflates to more than ${maxBytes.toLocaleString('en-US')} bytes, the limit`, maxBytes)
      }
      chunks.push(value)
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'too_large') throw error
    throw readError(file, format === 'gzip' ? 'corrupt or truncated gzip data' : `${what}: its deflated data is corrupt`)
  }
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) out.set(chunk, at), (at += chunk.byteLength)
  return out
}
