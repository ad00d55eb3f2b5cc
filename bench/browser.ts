// The web client in headless Chromium (Debian's, driven by playwright-core) against `wrangler dev`: VAE training
// throughput in the browser's analysis worker on tfjs's wasm backend (SIMD; threaded, since the page is
// cross-origin isolated) against its plain JavaScript cpu backend, alternately in one run; the time from opening the
// circle example's URL to its first chart and to its report; and the gzipped sizes of what the app and the element
// send. Needs a build (npm run bench builds first).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import type { Report } from '../core/report/schema.js'
import { CHROMIUM_PATH, launchChromium } from '../scripts/chromium.js'
import { repositoryRoot, startWranglerDev } from '../scripts/wranglerDev.js'
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

const gzipped = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).byteLength, 0)
const raw = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0)

function sizeTable(): BenchTable {
  const web = join(repositoryRoot(), 'dist/web')
  const assets = readdirSync(join(web, 'assets')).map((f) => join(web, 'assets', f))
  const pick = (pattern: RegExp) => assets.filter((f) => pattern.test(f))
  // Vite names both trainer chunks after their file (trainer.ts): the fused one is the one that calls the compute module.
  const trainerChunks = pick(/\/trainer-[^/]+\.js$/)
  const isFused = (f: string) => readFileSync(f, 'utf8').includes('vaeTrainThread')
  const groups: [string, string[]][] = [
    ['element: symscope-report.js (everything it needs)', [join(web, 'symscope-report.js')]],
    ['app, first paint: index.html + main JS + CSS', [join(web, 'index.html'), ...pick(/\/main-[^/]+\.(js|css)$/)]],
    ['app, analysis worker: symscope core, no tfjs (not minified, see client/web/vite.config.ts)', pick(/\/analysisWorker-[^/]+\.js$/)],
    ['app, fused trainer and symscope compute module (symscope.wasm)', [...trainerChunks.filter(isFused), ...pick(/\/symscope-(?!threads-)[^/]+\.wasm$/)]],
    ['app, fused trainer threads (loaded only for 2 or more): the threaded module and the training-thread worker', pick(/\/(symscope-threads-[^/]+\.wasm|browserTrainingThread-[^/]+\.js)$/)],
    [
      'app, tfjs (loaded only for a tfjs backend): tfjs-core, wasm and cpu backends, its trainer, the threaded SIMD binary',
      [...pick(/\/(tensorflow|tfjs)-[^/]+\.js$/).filter((f) => !/webgpu/.test(f)), ...trainerChunks.filter((f) => !isFused(f)), ...pick(/\/tfjs-backend-wasm-threaded-simd-[^/]+\.wasm$/)],
    ],
    ['app, WebGPU backend (loaded only on a real GPU adapter)', pick(/\/tfjs-backend-webgpu-[^/]+\.js$/)],
  ]
  const firstRun = [...groups[1][1], ...groups[2][1], ...groups[3][1]] // one thread: the default on two cores
  return {
    title: 'What the web client sends: gzipped sizes',
    description: 'Bytes of the built files in dist/web, raw and gzipped (level 9); "first analysis" is what a first in-browser analysis loads, without WebGPU.',
    columns: ['part', 'raw kB', 'gzipped kB'],
    rows: [...groups.map(([label, files]) => [label, raw(files) / 1000, gzipped(files) / 1000]), ['app, first analysis in the browser without a GPU (first paint, worker, fused trainer)', raw(firstRun) / 1000, gzipped(firstRun) / 1000]],
  }
}

export const run: Bench = async () => {
  const sizes = sizeTable()
  if (!statSyncSafe(CHROMIUM_PATH)) {
    const description = `Training throughput and time to first chart not measured: ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`
    return [sizes, { title: 'Web client in headless Chromium', description, columns: ['measurement', 'result'], rows: [['all', 'skipped']] }]
  }
  const server = await startWranglerDev()
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const training = await trainingTable(browser, server.origin)
    const firstChart = await firstChartTable(browser, server.origin)
    return [training, firstChart, sizes]
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
