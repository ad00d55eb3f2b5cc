// The HTTP API under load, locally: `wrangler dev` on 127.0.0.1 (one workerd, the same code a deployment runs) and a
// bounded load generator (autocannon) in this process. Requests per second and p50/p99 latency for a cached report,
// for the dataset list and for 10,000 generated events; then one small analysis trained (cache miss) against the
// same request answered from the cache (hit). Rate limits are raised for the run; storage lives in a temporary folder.
import autocannon from 'autocannon'
import { median, type Bench, type BenchTable } from './table.js'
import { startWranglerDev } from '../scripts/wranglerDev.js'

const SECONDS = 5
const JSON_HEADERS = { 'content-type': 'application/json' }

async function post(url: string, body: unknown): Promise<{ ms: number; status: number; cache: string | null; text: string }> {
  const start = performance.now()
  const response = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) })
  const text = await response.text()
  return { ms: performance.now() - start, status: response.status, cache: response.headers.get('x-symscope-cache'), text }
}

async function load(label: string, options: Parameters<typeof autocannon>[0]): Promise<(string | number)[]> {
  const result = await autocannon({ duration: SECONDS, ...options })
  const failures = result.errors + result.timeouts + result.non2xx
  return [label, options.connections ?? 10, result.requests.average, result.latency.p50, result.latency.p99, failures]
}

export const run: Bench = async () => {
  const dev = await startWranglerDev('wrangler.toml', '/api/v1/health', {
    vars: { RATE_LIMIT_REQUESTS: '100000000', RATE_LIMIT_ANALYSES: '100000000' },
  })
  const api = `${dev.origin}/api/v1`
  try {
    // One small analysis, several seeds: each first request trains (miss), its repeats come from the cache (hit).
    const request = (seed: number) => ({ dataset: { generator: { name: 'circle', n: 2000, seed } }, config: { epochs: 20, seed } })
    const miss: number[] = []
    const hit: number[] = []
    let reportId = ''
    for (const seed of [11, 12, 13]) {
      const first = await post(`${api}/analyses`, request(seed))
      if (first.status !== 200 || first.cache !== 'miss') throw new Error(`analysis: HTTP ${first.status} ${first.cache}: ${first.text.slice(0, 300)}`)
      miss.push(first.ms)
      for (let r = 0; r < 5; r++) {
        const again = await post(`${api}/analyses`, request(seed))
        if (again.cache !== 'hit' || again.text !== first.text) throw new Error('a repeated analysis was not served from the cache unchanged')
        hit.push(again.ms)
      }
      reportId = (JSON.parse(first.text) as { id: string }).id
    }
    const rows = [
      // The floor: a static asset answered by wrangler dev without running any worker code.
      await load('GET / (static page, no worker code: the floor)', { url: `${dev.origin}/`, connections: 100 }),
      await load('GET /analyses/{id} (cached report)', { url: `${api}/analyses/${reportId}`, connections: 100 }),
      await load('GET /datasets', { url: `${api}/datasets`, connections: 100 }),
      await load('POST /datasets/ee_mumu/events, n = 10,000, CSV', {
        url: `${api}/datasets/ee_mumu/events`,
        connections: 10,
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ n: 10_000, seed: 1, format: 'csv' }),
      }),
    ]
    return [
      {
        title: 'HTTP API under load (wrangler dev, 127.0.0.1)',
        description:
          `autocannon for ${SECONDS} s per row against one local workerd; latency in ms. Target: the cached report at p99 under ` +
          '50 ms with 100 connections, and no errors. The first row is what wrangler dev manages for a static file here, with no ' +
          'worker code at all: the cached report cannot be faster than that.',
        columns: ['request', 'connections', 'requests/s', 'p50 ms', 'p99 ms', 'errors + non-2xx'],
        rows,
      },
      {
        title: 'One small analysis: trained (cache miss) against answered from the cache (hit)',
        description: 'POST /analyses for circle, n = 2,000, 20 epochs (120 optimiser steps, inside the request); three seeds, each trained once and repeated five times. Median wall time per request from Node.',
        columns: ['miss ms', 'hit ms', 'miss / hit'],
        rows: [[median(miss), median(hit), `${(median(miss) / median(hit)).toFixed(0)}×`]],
        notes: ['A hit returns the stored bytes of the first answer (checked in this run).'],
      },
    ]
  } finally {
    await dev.stop()
  }
}
