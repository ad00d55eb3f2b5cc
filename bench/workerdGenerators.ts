// Event generators inside workerd (the Cloudflare Workers runtime), wasm vs plain TypeScript. workerd freezes
// Date.now() and performance.now() while a request runs (a Spectre mitigation), so the worker cannot time itself:
// this script starts bench/workerd/ under `wrangler dev --local`, times requests from Node, subtracts the time of an
// n = 1 request (routing, JSON, loopback) and stops wrangler by its process group when done, whatever happens.
import { median, type Bench, type BenchTable } from './table.js'
import { startWranglerDev } from '../scripts/wranglerDev.js'

const REPEATS = 5

/** Events per request: sized so that each request takes a few hundred milliseconds. */
const EVENTS = { wasm: 1 << 22, ts: 1 << 19 }

const CASES = [
  { label: 'circle (r = 1, no noise)', query: 'dataset=circle' },
  { label: 'ee_mumu, QED, √s = 10 GeV', query: 'dataset=ee_mumu' },
  { label: 'ee_mumu, γ/Z, √s = 91.19 GeV', query: 'dataset=ee_mumu&z=1' },
]

/** Wall time (ms) of one GET and its JSON body. */
async function timedGet(url: string): Promise<{ ms: number; body: { checksum?: number; error?: { message: string } } }> {
  const start = performance.now()
  const response = await fetch(url)
  const body = (await response.json()) as { checksum?: number; error?: { message: string } }
  const ms = performance.now() - start
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${body.error?.message ?? ''}`)
  return { ms, body }
}

export const run: Bench = async () => {
  const dev = await startWranglerDev('bench/workerd/wrangler.toml', '/gen?impl=wasm&dataset=ee_mumu&n=1')
  const base = `${dev.origin}/gen`
  try {
    const rows: (string | number)[][] = []
    const mismatched: string[] = []
    for (const c of CASES) {
      const url = (impl: 'wasm' | 'ts', n: number) => `${base}?impl=${impl}&${c.query}&n=${n}`
      // Same events on both sides: the checksums (first truth value and last feature of every chunk) agree, up to
      // the ulps that Math.cos and Math.sin may differ by from the wasm's polynomials.
      const check = 200_000
      const wasmSum = (await timedGet(url('wasm', check))).body.checksum ?? Number.NaN
      const tsSum = (await timedGet(url('ts', check))).body.checksum ?? Number.NaN
      if (!(Math.abs(wasmSum - tsSum) <= 1e-9 * (1 + Math.abs(wasmSum)))) mismatched.push(c.label)
      // Warm both paths (compilation, first allocations), then alternate: baseline, wasm, baseline, TypeScript.
      for (const impl of ['wasm', 'ts'] as const) await timedGet(url(impl, EVENTS[impl]))
      const times = { baseline: [] as number[], wasm: [] as number[], ts: [] as number[] }
      for (let r = 0; r < REPEATS; r++) {
        for (const impl of ['wasm', 'ts'] as const) {
          times.baseline.push((await timedGet(url(impl, 1))).ms)
          times[impl].push((await timedGet(url(impl, EVENTS[impl]))).ms)
        }
      }
      const baseline = median(times.baseline)
      const rate = (impl: 'wasm' | 'ts') => EVENTS[impl] / (Math.max(median(times[impl]) - baseline, 1e-3) / 1000)
      const wasmRate = rate('wasm')
      const tsRate = rate('ts')
      rows.push([c.label, wasmRate, tsRate, `${(wasmRate / tsRate).toFixed(1)}×`, baseline])
    }
    const table: BenchTable = {
      title: 'Event generators in workerd: wasm vs plain TypeScript',
      description:
        'The same comparison inside workerd (wrangler dev --local, bench/workerd/): one request generates n events in ' +
        `chunks into a reused buffer and answers a checksum; wasm through core's \`generateChunks\` ` +
        `(n = ${EVENTS.wasm.toLocaleString('en-US')}), TypeScript through reference/generators/ ` +
        `(n = ${EVENTS.ts.toLocaleString('en-US')}). Timed from Node, since workerd freezes its clocks during a request: ` +
        `median over ${REPEATS} requests minus the median of n = 1 requests.`,
      columns: ['generator', 'wasm (events/s)', 'TypeScript (events/s)', 'speed-up', 'n = 1 request (ms)'],
      rows,
      notes: [
        mismatched.length
          ? `The two sides' checksums DISAGREED for: ${mismatched.join(', ')}.`
          : 'Both sides make the same events: their checksums over 200,000 events agree (to 1e-9), checked in this run.',
        'Local workerd enforces no CPU limit; a deployed Worker would stop a request at its CPU budget.',
      ],
    }
    return [table]
  } finally {
    await dev.stop()
  }
}
