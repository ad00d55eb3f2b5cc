// The fused trainer on threads in the browser: the web app's analysis worker runs it on nested Web Workers over one
// shared memory when the page is cross-origin isolated (client/web/worker/threads.ts). The same analysis with
// `&threads=1` and `&threads=2` gives the same report, byte for byte but for the seconds, and the same id; the second
// really ran on two threads (the badge says so, and a nested training-thread worker took part in every step). A page
// that is not cross-origin isolated trains on one thread and says why.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, useBrowserSession } from './browserSession.js'
import type { Report } from '../../core/report/schema.js'
import { withoutTimings } from '../withoutTimings.js'

const TRAINING_TIMEOUT = 120_000
/** A circle with noise, batch 128 (two chunks, assembly/vae/parallel.ts): 3,200 training events, 25 steps an epoch. */
const ANALYSIS = '/?dataset=circle&n=4000&noise=0.05&epochs=8&batch=128&seed=3&run=local&backend=fused'

describe.skipIf(!hasChromium)('the fused trainer on threads in Chromium', () => {
  const session = useBrowserSession()

  /** The report the app draws for `path` (announced by the element's symscope-load event), the badge, the workers. */
  async function analyse(path: string, isolated = true): Promise<{ report: Report; badge: string; note: string; threads: string | null; workers: string[]; problems: string[] }> {
    const page: Page = await session.browser.newPage()
    // Without COOP/COEP on its responses the page is not cross-origin isolated: no SharedArrayBuffer, so no threads.
    if (!isolated) {
      await page.route('**/*', async (route) => {
        const response = await route.fetch()
        const headers = { ...response.headers() }
        delete headers['cross-origin-opener-policy']
        delete headers['cross-origin-embedder-policy']
        await route.fulfill({ response, headers })
      })
    }
    const problems: string[] = []
    const workers: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
    })
    page.on('worker', (worker) => workers.push(worker.url()))
    page.setDefaultNavigationTimeout(90_000)
    try {
      await page.addInitScript(() => {
        document.addEventListener('symscope-load', (event) => {
          ;(window as unknown as { symscopeReport: unknown }).symscopeReport = (event as CustomEvent).detail.report
        })
      })
      await page.goto(`${session.server.origin}${path}`)
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(isolated)
      await page.waitForFunction(() => 'symscopeReport' in window, null, { timeout: TRAINING_TIMEOUT, polling: 200 })
      const report = (await page.evaluate(() => (window as unknown as { symscopeReport: unknown }).symscopeReport)) as Report
      const badge = (await page.textContent('[data-testid=backend]')) ?? ''
      const threads = await page.getAttribute('[data-testid=backend]', 'data-threads')
      const note = (await page.textContent('[data-testid=backend-note]')) ?? ''
      return { report, badge, note, threads, workers, problems }
    } finally {
      await page.close()
    }
  }

  it('trains the same report on 2 threads as on 1, and really on 2', async () => {
    const one = await analyse(`${ANALYSIS}&threads=1`)
    const two = await analyse(`${ANALYSIS}&threads=2`)
    expect(one.problems).toEqual([])
    expect(two.problems).toEqual([])
    expect(one.badge).toBe('fused WebAssembly SIMD trainer (1 thread)')
    expect(one.threads).toBe('1')
    expect(two.badge).toBe('fused WebAssembly SIMD trainer (2 threads)')
    expect(two.threads).toBe('2')
    // One nested training-thread worker beside the analysis worker for 2 threads, none for 1. That it trained: with a
    // count of 2, every step's barriers wait for thread 1 (a missing thread fails the training after the stall limit).
    const nested = (urls: string[]) => urls.filter((url) => /browserTrainingThread/.test(url)).length
    expect(nested(one.workers)).toBe(0)
    expect(nested(two.workers)).toBe(1)

    expect(two.report.training.backend).toBe('fused')
    expect(two.report.training.steps).toBe(8 * 25)
    expect(two.report.id).toBe(one.report.id)
    expect(two.report.latents.map((l) => l.relevance)).toEqual(one.report.latents.map((l) => l.relevance))
    expect(JSON.stringify(withoutTimings(two.report))).toBe(JSON.stringify(withoutTimings(one.report)))
  }, 300_000)

  it('falls back to one thread, saying why, on a page that is not cross-origin isolated', async () => {
    const isolatedOne = await analyse(`${ANALYSIS}&threads=1`)
    const fallback = await analyse(`${ANALYSIS}&threads=2`, false)
    expect(fallback.problems).toEqual([])
    expect(fallback.badge).toBe('fused WebAssembly SIMD trainer (1 thread)')
    expect(fallback.threads).toBe('1')
    expect(fallback.note).toContain('1 thread, not 2: the page is not cross-origin isolated')
    expect(fallback.workers.filter((url) => /browserTrainingThread/.test(url))).toEqual([])
    expect(JSON.stringify(withoutTimings(fallback.report))).toBe(JSON.stringify(withoutTimings(isolatedOne.report)))
  }, 300_000)
})
