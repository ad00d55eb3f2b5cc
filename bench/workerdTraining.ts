// VAE training inside workerd (the API's runtime): the fused WebAssembly trainer against tfjs's wasm backend, both
// through core's `trainVae` in bench/workerd/. workerd freezes its clocks during a request, so this script times
// requests from Node: samples/s = (N − 1) · 256 / (time of an N-step request − time of a 1-step request), which
// leaves out routing, setup and the data copy. Starts and stops wrangler dev itself.
import { startWranglerDev } from '../scripts/wranglerDev.js'
import { median, type Bench, type BenchTable } from './table.js'

const REPEATS = 3
const BATCH = 256
const STEPS = { fused: 400, 'tfjs-wasm': 40 } as const
const CASES = [
  { label: '2 → 64 → 64 → 2·4 (circle)', dataset: 'circle' },
  { label: '8 → 64 → 64 → 2·8 (drell_yan, 8 features)', dataset: 'drell_yan' },
]

async function timedSteps(base: string, trainer: keyof typeof STEPS, dataset: string, steps: number): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${base}/train?trainer=${trainer}&dataset=${dataset}&steps=${steps}`)
  const body = (await response.json()) as { steps?: number; error?: { message: string } }
  const ms = performance.now() - started
  if (!response.ok || body.steps !== steps) throw new Error(`/train ${trainer} ${dataset}: HTTP ${response.status} ${body.error?.message ?? ''}`)
  return ms
}

export const run: Bench = async () => {
  const dev = await startWranglerDev('bench/workerd/wrangler.toml', '/gen?impl=wasm&dataset=ee_mumu&n=1')
  try {
    const rows: (string | number)[][] = []
    for (const { label, dataset } of CASES) {
      const rate: Record<string, number> = {}
      for (const trainer of ['fused', 'tfjs-wasm'] as const) await timedSteps(dev.origin, trainer, dataset, 5) // warm
      const times = { fused: [] as number[], 'tfjs-wasm': [] as number[] }
      for (let r = 0; r < REPEATS; r++) {
        for (const trainer of ['fused', 'tfjs-wasm'] as const) {
          const one = await timedSteps(dev.origin, trainer, dataset, 1)
          times[trainer].push((await timedSteps(dev.origin, trainer, dataset, STEPS[trainer])) - one)
        }
      }
      for (const trainer of ['fused', 'tfjs-wasm'] as const) rate[trainer] = ((STEPS[trainer] - 1) * BATCH) / (Math.max(median(times[trainer]), 1e-3) / 1000)
      rows.push([label, rate.fused, rate['tfjs-wasm'], `${(rate.fused / rate['tfjs-wasm']).toFixed(1)}×`])
    }
    const table: BenchTable = {
      title: 'VAE training in workerd: the fused trainer against tfjs wasm',
      description:
        `Samples per second of \`trainVae\` inside workerd (wrangler dev --local, bench/workerd/), batch ${BATCH}, ` +
        `${STEPS.fused} fused and ${STEPS['tfjs-wasm']} tfjs steps per request, timed from Node minus a 1-step request; median of ${REPEATS}.`,
      columns: ['network', 'fused samples/s', 'tfjs-wasm samples/s', 'fused / tfjs-wasm'],
      rows,
      notes: ['workerd runs one thread per isolate, so this is the fused trainer\'s one-thread figure.'],
    }
    return [table]
  } finally {
    await dev.stop()
  }
}
