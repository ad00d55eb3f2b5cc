// What a newcomer meets in the web app (issue 19): the shipped CMS table uploaded (recognised and read as dimuon
// events, or with its identifier columns left out and said so), the docs' scan URL (a real staircase, legible
// text), a shared report link (opens on the report), the API docs (no 404) and a phone-sized screen; every chart
// drawn is checked in the browser for labels over markers, labels over labels and clipped titles (charts.ts). The
// circle of the docs' URL is checked so in webApp.test.ts, on the page that trains it there (one training, not two). Screenshots go to
// test/.tmp/screenshots, or with UPDATE_SCREENSHOTS=1 to docs/screenshots.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { repositoryRoot } from '../../scripts/wranglerDev.js'
import { hasChromium, pagesOf, useBrowserSession } from './browserSession.js'
import { chartProblems, smallestChartText } from './charts.js'

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? join(repositoryRoot(), 'docs/screenshots') : join(repositoryRoot(), 'test/.tmp/screenshots')
const TRAINING_TIMEOUT = 150_000
const CMS_FILE = join(repositoryRoot(), 'data/cms/Zmumu_Run2011A.csv')

describe.skipIf(!hasChromium)('the web app as a newcomer meets it', () => {
  const session = useBrowserSession()

  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  const { open, expectNoProblems } = pagesOf(session)

  it('recognises the uploaded CMS table and reads it as dimuon events; unticked, leaves Run and Event out and says so', async () => {
    const page = await open('/')
    await page.getByLabel('Upload a file').check()
    await page.getByLabel('CSV file').setInputFiles({ name: 'Zmumu_Run2011A.csv', mimeType: 'text/csv', buffer: readFileSync(CMS_FILE) })
    const offer = page.locator('[data-testid=csv-known]')
    await offer.waitFor({ state: 'visible' })
    expect(await offer.textContent()).toMatch(/Read as CMS dimuon events/)
    expect(await page.locator('#csv-known-read').isChecked()).toBe(true)
    await page.getByLabel('Epochs', { exact: true }).fill('15')
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.waitForSelector('[data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
    expect(await page.textContent('[data-testid=report-summary]')).toMatch(/^Zmumu_Run2011A: 10,\d{3} events, 8 features/)
    expect(await page.locator('[data-testid=correlation-table] th', { hasText: 'truth_cosThetaCS' }).count()).toBe(1)
    expect(await chartProblems(page)).toEqual([])
    // The invariance tests as a table: p in scientific notation below 0.001, never a bare 0.
    const pCells = await page.locator('[data-testid=invariance-table] td.ss-number').allTextContents()
    for (const p of pCells) expect(p).toMatch(/^(\d\.\d+|\d\.\de-\d+|\d+|< 1e-308)$/)
    await page.evaluate(() => document.querySelector('#results')!.scrollIntoView())
    await page.screenshot({ path: join(SCREENSHOTS, 'app-cms.png') })

    await page.locator('#csv-known-read').uncheck()
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.waitForFunction(() => /12 features/.test(document.querySelector('[data-testid=report-summary]')?.textContent ?? ''), undefined, { timeout: TRAINING_TIMEOUT })
    const summary = await page.textContent('[data-testid=report-summary]')
    expect(summary).toContain('left out as event identifiers, not measurements: Run (in row order), Event (every value distinct)')
    expect(summary).toMatch(/this is a CMS dimuon table/)
    await page.close()
    expectNoProblems()
  }, 360_000)

  it("runs the docs' scan URL to a real staircase, its text at least 11 px", async () => {
    const web = readFileSync(join(repositoryRoot(), 'docs/web.md'), 'utf8')
    const url = /`(\/\?dataset=circle&n=\d+(?:&epochs=\d+)?&betas=[\d.:]+&run=local)`/.exec(web)![1]
    const page = await open(url)
    await page.waitForSelector('[data-testid=scan-staircase] svg', { timeout: TRAINING_TIMEOUT })
    // A real result: the counts chart's relevant-latent count falls from several at small β to none at large β.
    const counts = await page.locator('[data-testid=scan-point] [data-testid=report-summary]').first().textContent()
    expect(counts).toMatch(/[1-9] of 4 latents relevant/)
    expect(await smallestChartText(page, '[data-testid=scan-staircase]')).toBeGreaterThanOrEqual(11)
    expect(await chartProblems(page)).toEqual([])
    await page.evaluate(() => document.querySelector('[data-testid=scan-staircase]')!.scrollIntoView())
    await page.screenshot({ path: join(SCREENSHOTS, 'app-scan.png') })
    await page.close()
    expectNoProblems()
  }, 300_000)

  it('opens a shared report link on the report, and the API docs without a 404', async () => {
    const page = await open('/')
    await page.getByLabel('Dataset').selectOption('circle')
    await page.getByLabel('Events', { exact: true }).fill('600')
    await page.getByLabel('Epochs', { exact: true }).fill('3')
    await page.getByLabel('on the server').check()
    await page.getByRole('button', { name: 'Analyse' }).click()
    const link = await (await page.waitForSelector('[data-testid=share-link]', { timeout: TRAINING_TIMEOUT })).getAttribute('href')
    await page.close()
    const shared = await open(new URL(link!).pathname + new URL(link!).search)
    await shared.waitForSelector('[data-testid=relevance-chart] svg', { timeout: 60_000 })
    await shared.waitForFunction(() => {
      const top = document.querySelector('#results')!.getBoundingClientRect().top
      return top >= -1 && top < innerHeight / 2
    })
    // The footer names the trainer that runs by default: symscope's own WebAssembly, not TensorFlow.js.
    expect(await shared.textContent('footer')).toMatch(/with its own WebAssembly trainer \(TensorFlow\.js and WebGPU on request\)/)
    await shared.close()
    const docs = await open('/api/v1/docs')
    const icon = await docs.evaluate(async () => (await fetch(document.querySelector<HTMLLinkElement>('link[rel=icon]')!.href)).status)
    expect(icon).toBe(200)
    await docs.close()
    expectNoProblems()
  }, 240_000)

  it('fits a phone-sized screen with legible, unclipped charts', async () => {
    const page = await open('/?dataset=circle&n=2000&epochs=5&seed=1&run=local', { width: 390, height: 844 })
    await page.waitForSelector('[data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await chartProblems(page)).toEqual([])
    await page.evaluate(() => document.querySelector('[data-testid=relevance-chart]')!.scrollIntoView())
    await page.screenshot({ path: join(SCREENSHOTS, 'app-phone-results.png') })
    await page.close()
    expectNoProblems()
  }, 180_000)
})
