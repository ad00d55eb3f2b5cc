// The issue's last benchmark, its browser side: the 12-point scan of bench/scan.ts run in the web app "in this
// browser" (headless Chromium, driven by playwright-core, against a `wrangler dev` it starts, as bench/browser.ts
// does), from navigation to the drawn scan view, beside the CLI with one job measured in the same run. A benchmark of
// its own (`node dist/bench/run.js browserScan`) because one scan takes minutes. Needs a build.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { CHROMIUM_PATH, launchChromium } from '../scripts/chromium.js'
import { startWranglerDev } from '../scripts/wranglerDev.js'
import { SCAN, timeScan } from './scan.js'
import { median, type Bench, type BenchTable } from './table.js'

/** bench/scan.ts's scan as the app's URL: 6 β × 2 seeds, circle n = 4000, 20 epochs, trained in this browser. */
const SCAN_URL = '/?dataset=circle&n=4000&epochs=20&seed=1&betas=0.01:3:6&seeds=2&run=local'
const SCAN_TIMEOUT_MS = 900_000
/** Alternating CLI and browser runs; the median of each. */
const REPEATS = 3

interface DrawnScan {
  /** performance.now() when the scan was drawn: ms since navigation began. */
  ms: number
  id: string
  points: number
}

/** Opens `path` in a fresh browser context and waits for the drawn scan (the app's `symscope-load` event). */
async function scanOf(browser: Browser, base: string, path: string): Promise<DrawnScan> {
  const context = await browser.newContext() // nothing cached
  const page = await context.newPage()
  page.setDefaultTimeout(SCAN_TIMEOUT_MS)
  try {
    await page.addInitScript(() => {
      document.addEventListener('symscope-load', (event) => {
        const scan = (event as CustomEvent).detail.scan as { id: string; points: unknown[] } | undefined
        if (scan) (window as unknown as { symscopeScan: DrawnScan }).symscopeScan = { ms: performance.now(), id: scan.id, points: scan.points.length }
      })
    })
    await page.goto(`${base}${path}`)
    await page.waitForFunction(() => 'symscopeScan' in window, null, { timeout: SCAN_TIMEOUT_MS, polling: 500 })
    return await page.evaluate(() => (window as unknown as { symscopeScan: DrawnScan }).symscopeScan)
  } finally {
    await context.close()
  }
}

function table(cli: { seconds: number; id: string }, page: DrawnScan & { seconds: number }, load: number): BenchTable {
  return {
    title: 'A 12-point scan in headless Chromium against the CLI with one job',
    description:
      `\`${SCAN_URL}\` (6 β × 2 seeds, 4,000 circle events, 20 epochs a point, trained one point at a time in the app's ` +
      `analysis worker), from navigation to the drawn scan view in a fresh browser context; beside \`symscope ${SCAN.join(' ')} --jobs 1\` ` +
      `(a fresh cache) in a child process; alternately in one run, median of ${REPEATS} each.`,
    columns: ['where', 'points', 'wall s', 'browser / CLI', 'scan id'],
    rows: [
      ['CLI, --jobs 1', '12', cli.seconds, '1.00×', cli.id.slice(0, 12)],
      ['web app, in this browser', String(page.points), page.seconds, `${(page.seconds / cli.seconds).toFixed(2)}×`, page.id === cli.id ? 'the same' : page.id.slice(0, 12)],
    ],
    notes: [
      `A shared machine (load average ${load.toFixed(1)} when the run began): read the ratio. The same scan id means the same 12 report ids, so the same data and configurations.`,
      "The browser's time includes loading the page, its worker and the compute module, and drawing the scan; the CLI's its start-up and writing the files.",
    ],
  }
}

export const run: Bench = async () => {
  try {
    statSync(CHROMIUM_PATH)
  } catch {
    return [{ title: 'A 12-point scan in headless Chromium', description: `Not measured: ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`, columns: ['measurement', 'result'], rows: [['all', 'skipped']] }]
  }
  const dir = mkdtempSync(join(tmpdir(), 'symscope-bench-browser-scan-'))
  const server = await startWranglerDev()
  let browser: Browser | undefined
  try {
    const load = loadavg()[0]
    browser = await launchChromium()
    const cliSeconds: number[] = []
    const pageSeconds: number[] = []
    let cliId = ''
    let page: DrawnScan | undefined
    for (let r = 0; r < REPEATS; r++) {
      const cli = timeScan(1, dir, `cli-${r}`)
      cliSeconds.push(cli.seconds)
      cliId = (JSON.parse(cli.scanJson) as { id: string }).id
      page = await scanOf(browser, server.origin, SCAN_URL)
      pageSeconds.push(page.ms / 1000)
    }
    return [table({ seconds: median(cliSeconds), id: cliId }, { ...page!, seconds: median(pageSeconds) }, load)]
  } finally {
    await browser?.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
