// The web app's main thread while its Web Worker trains: it answers at once, and Stop ends the training at an epoch
// boundary with a report. Apart from webApp.test.ts because it asserts a latency: it runs in the e2e-alone project,
// after every other file (vitest.config.ts), so no training beside it decides the result.
import { describe, expect, it } from 'vitest'
import { hasChromium, pagesOf, useBrowserSession } from './browserSession.js'

const TRAINING_TIMEOUT = 120_000

describe.skipIf(!hasChromium)('the web app in Chromium while it trains', () => {
  const session = useBrowserSession()
  const { open, expectNoProblems } = pagesOf(session)

  it('keeps the page responsive while training and stops at an epoch boundary with a report', async () => {
    const page = await open('/?dataset=circle&n=20000&epochs=1000&seed=3&run=local')
    const progress = page.locator('[data-testid=training-progress]')
    await page.waitForFunction(() => (document.querySelector('[data-testid=training-progress]') as HTMLProgressElement).value >= 2, null, {
      timeout: TRAINING_TIMEOUT,
    })
    // The main thread answers at once while the worker trains.
    const latencies: number[] = []
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      await page.evaluate(() => document.title)
      latencies.push(performance.now() - start)
    }
    expect(Math.max(...latencies)).toBeLessThan(1000)
    await page.getByRole('button', { name: 'Stop' }).click()
    await page.waitForSelector('[data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
    expect(await page.textContent('#phase')).toMatch(/^Stopped/)
    const epochs = await progress.evaluate((p: HTMLProgressElement) => p.value)
    expect(epochs).toBeGreaterThanOrEqual(2)
    expect(epochs).toBeLessThan(1000)
    expect(await page.textContent('[data-testid=report-summary]')).toContain(`trained ${epochs} epochs`)
    await page.close()
    expectNoProblems()
  }, 180_000)
})
