// Durable Object storage keeps values up to 2 MB each (SQLite-backed objects): larger ones (a CSV of up to 2 MiB,
// the training state of a wide network) are split into numbered chunks under one prefix.

/** Bytes per stored chunk, well under the 2 MB value limit. */
export const CHUNK_BYTES = 1024 * 1024

/** Characters per stored chunk of text (two bytes each at most in storage's encoding). */
export const CHUNK_CHARS = 256 * 1024

const chunkKey = (prefix: string, i: number) => `${prefix}:${i}`

/** Writes `bytes` as chunks `prefix:0 …` and returns their number. */
export async function putBytes(storage: DurableObjectStorage, prefix: string, bytes: Uint8Array): Promise<number> {
  const entries: Record<string, Uint8Array> = {}
  const count = Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES))
  for (let i = 0; i < count; i++) entries[chunkKey(prefix, i)] = bytes.slice(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES)
  // put(entries) takes at most 128 keys at a time.
  const keys = Object.keys(entries)
  for (let i = 0; i < keys.length; i += 128) await storage.put(Object.fromEntries(keys.slice(i, i + 128).map((k) => [k, entries[k]])))
  return count
}

/** Reads what `putBytes` wrote as one array. */
export async function getBytes(storage: DurableObjectStorage, prefix: string, count: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for (let i = 0; i < count; i++) {
    const chunk = await storage.get<Uint8Array>(chunkKey(prefix, i))
    if (!chunk) throw new Error(`stored value ${prefix} is missing chunk ${i} of ${count}`)
    chunks.push(chunk)
  }
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0))
  let offset = 0
  for (const c of chunks) out.set(c, offset), (offset += c.byteLength)
  return out
}

/** Writes `text` as chunks and returns their number. */
export async function putText(storage: DurableObjectStorage, prefix: string, text: string): Promise<number> {
  const count = Math.max(1, Math.ceil(text.length / CHUNK_CHARS))
  for (let i = 0; i < count; i++) await storage.put(chunkKey(prefix, i), text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS))
  return count
}

export async function getText(storage: DurableObjectStorage, prefix: string, count: number): Promise<string> {
  let text = ''
  for (let i = 0; i < count; i++) {
    const chunk = await storage.get<string>(chunkKey(prefix, i))
    if (chunk === undefined) throw new Error(`stored value ${prefix} is missing chunk ${i} of ${count}`)
    text += chunk
  }
  return text
}

/** Deletes chunks `prefix:0 … count − 1`. */
export async function deleteChunks(storage: DurableObjectStorage, prefix: string, count: number): Promise<void> {
  const keys = Array.from({ length: count }, (_, i) => chunkKey(prefix, i))
  for (let i = 0; i < keys.length; i += 128) await storage.delete(keys.slice(i, i + 128))
}
