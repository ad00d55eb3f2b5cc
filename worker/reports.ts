// Reports by content hash: R2 (binding REPORTS) holds the exact JSON text of each, the Cache API (caches.default)
// sits in front. A report never changes once stored, so every answer for an id is the same bytes with ETag = id.

/** The binding reports live in (`Env` has it). */
export interface ReportStore {
  REPORTS: R2Bucket
}

/** A report is immutable: any cache may keep it for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Cache API keys are URLs; this origin is never fetched, it only names cached reports. */
const CACHE_ORIGIN = 'https://reports.symscope.internal'

const objectKey = (id: string) => `reports/${id}.json`
const cacheKey = (id: string) => new Request(`${CACHE_ORIGIN}/${id}`)

/** workerd's default cache (the DOM typings that the project also loads know no `caches.default`). */
const reportCache = (): Cache => (caches as unknown as { default: Cache }).default

/** The quoted strong ETag of a report: its id. */
export const etagOf = (id: string) => `"${id}"`

async function cachePut(id: string, text: string): Promise<void> {
  try {
    await reportCache().put(cacheKey(id), new Response(text, { headers: { 'content-type': 'application/json', 'cache-control': IMMUTABLE } }))
  } catch (error) {
    console.warn('symscope worker: cache put failed', error) // the cache is an optimisation; R2 has the report
  }
}

/** The stored JSON text of report `id`, or null: the cache first, then R2 (which refills the cache). */
export async function readReport(env: ReportStore, id: string): Promise<string | null> {
  try {
    const cached = await reportCache().match(cacheKey(id))
    if (cached) return await cached.text()
  } catch (error) {
    console.warn('symscope worker: cache match failed', error)
  }
  const object = await env.REPORTS.get(objectKey(id))
  if (!object) return null
  const text = await object.text()
  await cachePut(id, text)
  return text
}

/**
 * Stores report `id` unless one is stored already, and returns the text now stored: the first writer wins, so two
 * identical requests trained at once (whose timings differ) still serve one set of bytes ever after.
 */
export async function storeReport(env: ReportStore, id: string, text: string): Promise<string> {
  const written = await env.REPORTS.put(objectKey(id), text, {
    onlyIf: { etagDoesNotMatch: '*' },
    httpMetadata: { contentType: 'application/json' },
  })
  const stored = written ? text : ((await (await env.REPORTS.get(objectKey(id)))?.text()) ?? text)
  await cachePut(id, stored)
  return stored
}

/** The response for a stored report: its exact bytes, immutable caching, ETag = id, and where it came from. */
export function reportResponse(text: string, id: string, cache: 'hit' | 'miss', steps: number): Response {
  return new Response(text, {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      etag: etagOf(id),
      'cache-control': IMMUTABLE,
      'x-symscope-cache': cache,
      'x-symscope-steps': String(steps),
    },
  })
}

/** Whether an If-None-Match header names this report (or is `*`). */
export function matchesEtag(header: string | undefined, id: string): boolean {
  if (!header) return false
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '')
    return t === '*' || t === etagOf(id)
  })
}
