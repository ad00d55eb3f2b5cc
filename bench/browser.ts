// The web client in headless Chromium (Debian's, driven by playwright-core) against `wrangler dev`: VAE training
// throughput in the browser's analysis worker on tfjs's wasm backend (SIMD; threaded, since the page is
// cross-origin isolated) against its plain JavaScript cpu backend, alternately in one run; the time from opening the
// circle example's URL to its first chart and to its report (the sizes of what it sends: bench/webSizes.ts). Needs
// a build (npm run bench builds first).
import { statSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import type { Browser } from 'playwright-core'
import type { Report } from '../core/report/schema.js'
import { CHROMIUM_PATH, launchChromium } from '../scripts/chromium.js'
import { startWranglerDev } from '../scripts/wranglerDev.js'
import { median, type Bench, type BenchTable } from './table.js'

const EVENTS = 12_800 // 10,240 training events: 40 steps of 256 per epoch
const EPOCHS = 3
const REPEATS = 3
const CIRCLE_URL = '/?dataset=circle&n=4000&epochs=20&seed=1&run=local'
const REPORT_TIMEOUT_MS = 300_000

/** The report the app draws for `path` (it announces it with a `symscope-load` event on the document). */
async function reportOf(browser: Browser, base: string, path: string): Promise<{ report: Report; marks: Record<string, number>; threadsUsed: number }> {
  const context = await browser.newContext() // a fresh cache: every load is a first visit
  const page = await context.newPage()
  page.setDefaultTimeout(REPORT_TIMEOUT_MS) // a shared machine can be slow to serve the first page
  try {
    await page.addInitScript(() => {
      document.addEventListener('symscope-load', (event) => {
        ;(window as unknown as { symscopeReport: unknown }).symscopeReport = (event as CustomEvent).detail.report
      })
    })
    await page.goto(`${base}${path}`)
    await page.waitForFunction(() => 'symscopeReport' in window, null, { timeout: REPORT_TIMEOUT_MS, polling: 200 })
    const report = (await page.evaluate(() => (window as unknown as { symscopeReport: unknown }).symscopeReport)) as Report
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])))
    const threadsUsed = Number(await page.getAttribute('[data-testid=backend]', 'data-threads'))
    return { report, marks, threadsUsed }
  } finally {
    await context.close()
  }
}

async function trainingTable(browser: Browser, base: string): Promise<BenchTable> {
  const load = loadavg()
  const rows: (string | number)[][] = []
  const labels: Record<string, string> = {}
  for (const [label, dataset] of [
    ['2 → 64 → 64 → 2·4 (circle)', 'circle'],
    ['8 → 64 → 64 → 2·8 (ee_mumu: 6 non-constant features)', 'ee_mumu'],
  ] as const) {
    const rates: Record<'fused' | 'fused2' | 'wasm' | 'cpu', number[]> = { fused: [], fused2: [], wasm: [], cpu: [] }
    const runs = {
      fused: { backend: 'fused', threads: 1, trainer: 'fused' },
      fused2: { backend: 'fused', threads: 2, trainer: 'fused' },
      wasm: { backend: 'wasm', threads: 1, trainer: 'tfjs-wasm' },
      cpu: { backend: 'cpu', threads: 1, trainer: 'tfjs-cpu' },
    } as const
    for (let r = 0; r < REPEATS; r++) {
      for (const [name, { backend, threads, trainer }] of Object.entries(runs) as [keyof typeof runs, (typeof runs)[keyof typeof runs]][]) {
        const path = `/?dataset=${dataset}&n=${EVENTS}&epochs=${EPOCHS}&seed=1&run=local&backend=${backend}${backend === 'fused' ? `&threads=${threads}` : ''}`
        const { report, threadsUsed } = await reportOf(browser, base, path)
        if (report.training.backend !== trainer) throw new Error(`asked for ${backend}, trained on ${report.training.backend}`)
        if (backend === 'fused' && threadsUsed !== threads) throw new Error(`asked for ${threads} threads, trained on ${threadsUsed}`)
        rates[name].push((report.training.steps * report.config.batchSize) / report.training.seconds)
      }
    }
    const [f, f2, w, c] = [median(rates.fused), median(rates.fused2), median(rates.wasm), median(rates.cpu)]
    rows.push([label, f, f2, w, c, `${(f2 / f).toFixed(2)}×`, `${(f / w).toFixed(2)}×`, `${(f2 / w).toFixed(2)}×`, `${(w / c).toFixed(2)}×`])
    labels[dataset] = label
  }
  return {
    title: 'VAE training throughput in headless Chromium: the fused WebAssembly trainer against tfjs wasm (SIMD) and tfjs cpu',
    description:
      `Samples per second of the web app's analysis worker (core's trainVae: Adam, batch 256, ${EPOCHS} epochs of ` +
      `${Math.round(EVENTS * 0.8).toLocaleString('en-US')} events), from the report's own clock; median of ${REPEATS} alternating page loads per backend (\`&backend=fused\` / \`wasm\` / \`cpu\` in the URL).`,
    columns: ['network', 'fused samples/s', 'fused, 2 threads', 'tfjs wasm samples/s', 'tfjs cpu samples/s', 'fused 2 threads / 1', 'fused / tfjs wasm', 'fused 2 threads / tfjs wasm', 'tfjs wasm / cpu'],
    rows,
    notes: [
      `Debian Chromium, headless, no GPU (so no WebGPU); the page is cross-origin isolated, so tfjs takes its threaded SIMD build, with tfjs's default thread count (half the cores, at most 4); the fused trainer runs one thread (\`&threads=1\`) or two (\`&threads=2\`: a nested Web Worker beside the analysis worker, over one shared memory, the same bits).`,
      `Load average at the start (1, 5, 15 min): ${load.map((l) => l.toFixed(2)).join(', ')} on ${availableParallelism()} cores, shared with other work.`,
    ],
  }
}

async function firstChartTable(browser: Browser, base: string): Promise<BenchTable> {
  const first: number[] = []
  const done: number[] = []
  let seconds = 0
  for (let r = 0; r < REPEATS; r++) {
    const { report, marks } = await reportOf(browser, base, CIRCLE_URL)
    first.push(marks['symscope:first-loss-curve'])
    done.push(marks['symscope:report'])
    seconds = report.training.seconds
  }
  return {
    title: 'Time to first chart: the circle example in headless Chromium',
    description: `From navigation to \`${CIRCLE_URL}\` (a fresh browser context each time: nothing cached) to the first live loss-curve frame, and to the drawn report with all its figures; median of ${REPEATS}.`,
    columns: ['milestone', 'ms after navigation'],
    rows: [
      ['first chart (loss curve after epoch 1)', median(first)],
      ['report drawn (relevance, dimension, latent map, profiles)', median(done)],
    ],
    notes: [`The 20 epochs themselves took ${seconds.toFixed(1)} s of that (the last run's report).`],
  }
}

export const run: Bench = async () => {
  if (!statSyncSafe(CHROMIUM_PATH)) {
    const description = `Training throughput and time to first chart not measured: ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`
    return [{ title: 'Web client in headless Chromium', description, columns: ['measurement', 'result'], rows: [['all', 'skipped']] }]
  }
  const server = await startWranglerDev()
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const training = await trainingTable(browser, server.origin)
    const firstChart = await firstChartTable(browser, server.origin)
    return [training, firstChart]
  } finally {
    await browser?.close()
    await server.stop()
  }
}

function statSyncSafe(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
