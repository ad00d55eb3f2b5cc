// A scan on the server started from the web app's form: POST /api/v1/scans with the body the API documents, the
// share link `/?scan=<id>` in the address bar, progress over points, and the stored scan's view at the end; and a scan
// the server refuses, shown as the API words it. The built client and the API under `wrangler dev --local`, driven in
// Debian's Chromium by playwright-core (as test/e2e/webApp.test.ts).
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, useBrowserSession } from './browserSession.js'

const TRAINING_TIMEOUT = 180_000

describe.skipIf(!hasChromium)('a server scan from the web app', () => {
  const session = useBrowserSession()
  const problems: string[] = []

  async function open(path: string): Promise<Page> {
    const page = await session.browser.newPage({ viewport: { width: 1200, height: 900 } })
    page.setDefaultNavigationTimeout(90_000)
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    // The refused scan's 413 is logged by Chromium as a failed resource; every other console error is a problem.
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 413/.test(message.text())) problems.push(`console error: ${message.text()}`)
    })
    await page.goto(`${session.server.origin}${path}`)
    return page
  }

  async function fillForm(page: Page, betas: string): Promise<void> {
    await page.getByLabel('Dataset').selectOption('circle')
    await page.getByLabel('Events', { exact: true }).fill('600')
    await page.getByLabel('Epochs', { exact: true }).fill('3')
    await page.getByLabel('Seed', { exact: true }).fill('1')
    await page.getByRole('radio', { name: 'on the server' }).check()
    await page.getByLabel('β grid (scan)').fill(betas)
    await page.getByLabel('Epochs', { exact: true }).press('Enter')
  }

  it('refuses a scan over the server’s points with the API’s message and queues nothing', async () => {
    const page = await open('/')
    // 25 β × 1 seed: over MAX_API_SCAN_POINTS = 24 (worker/limits.ts); core's own grid limits allow it.
    await fillForm(page, '0.01:3:25')
    await page.waitForSelector('[data-testid=form-error]:not([hidden])', { timeout: 60_000 })
    expect(await page.textContent('[data-testid=form-error]')).toBe(
      'the scan has 25 points (β × seeds × latent sizes); the server takes at most 24: run larger scans with npx symscope scan',
    )
    expect(page.url()).not.toContain('scan=')
    await page.close()
    expect(problems.splice(0)).toEqual([])
  }, 120_000)

  it('posts the grid, puts the share link in the URL, counts points and ends on the stored scan’s view', async () => {
    const page = await open('/')
    await fillForm(page, '0.05:1:2')
    await page.waitForSelector('[data-testid=scan-staircase] svg', { timeout: TRAINING_TIMEOUT })
    const id = new URL(page.url()).searchParams.get('scan')
    expect(id).toMatch(/^[0-9a-f]{64}$/)
    expect(page.url()).toBe(`${session.server.origin}/?scan=${id}`)
    expect(await page.getAttribute('[data-testid=share-link]', 'href')).toBe(`${session.server.origin}/?scan=${id}`)
    expect(await page.getAttribute('[data-testid=scan-view]', 'data-scan-id')).toBe(id)
    expect(await page.textContent('[data-testid=scan-view] h2')).toBe('Scan of circle: 2 points')
    // The progress bar went over points: both done.
    const progress = page.locator('[data-testid=training-progress]')
    expect(await progress.getAttribute('max')).toBe('2')
    expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(2)
    // The body the API documents gives the same scan, now stored: 200 with scan.json.
    const body = { dataset: { generator: { name: 'circle', n: 600, seed: 1 } }, grid: { beta: '0.05:1:2', seeds: [1] }, config: { epochs: 3 } }
    const response = await fetch(`${session.server.origin}/api/v1/scans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { id: string }).id).toBe(id)
    // Each point's report opens under the slider.
    await page.waitForSelector('[data-testid=scan-point] [data-testid=relevance-chart] svg', { timeout: 30_000 })
    await page.close()
    expect(problems.splice(0)).toEqual([])
  }, 300_000)
})
