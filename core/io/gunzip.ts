import { readError } from './readError.js'

/** The bytes of a gzip file (RFC 1952), inflated with the platform's DecompressionStream. */
export async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))
    return new Uint8Array(await new Response(stream).arrayBuffer())
  } catch {
    throw readError(file, 'corrupt or truncated gzip data')
  }
}
