// Scan indexes in R2 (binding REPORTS, `scans/<id>.json`): what a scan is (grid, shared settings, each point's β,
// seed, latent size and report id). The points' reports sit beside them under their own ids (reports.ts); the scan
// itself is rebuilt from the index and the reports whenever all are stored, so it is always the same bytes.
import type { ScanIndex } from '../core/scan/index.js'
import type { Env } from './env.js'

const objectKey = (id: string) => `scans/${id}.json`

/** Stores a scan's index (the same scan always has the same index, so a second write changes nothing). */
export async function storeScanIndex(env: Env, index: ScanIndex): Promise<void> {
  await env.REPORTS.put(objectKey(index.id), JSON.stringify(index), { httpMetadata: { contentType: 'application/json' } })
}

/** A stored scan index, or null. */
export async function readScanIndex(env: Env, id: string): Promise<ScanIndex | null> {
  const object = await env.REPORTS.get(objectKey(id))
  return object ? ((await object.json()) as ScanIndex) : null
}
