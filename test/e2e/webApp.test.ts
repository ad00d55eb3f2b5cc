// The web app and the embeddable element end to end: the built client and the API under `wrangler dev --local`
// (started here, stopped by its process group), driven in Debian's Chromium by playwright-core. Screenshots go to
// test/.tmp/screenshots; with UPDATE_SCREENSHOTS=1 they replace docs/screenshots/*.png (the README's).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, pagesOf, useBrowserSession } from './browserSession.js'
import { chartProblems } from './charts.js'
import { launchChromium } from '../../scripts/chromium.js'
import { repositoryRoot } from '../../scripts/wranglerDev.js'
import { inputFromSource } from '../../core/analysis/inputFromSource.js'
import { parseBetaGrid, planScan } from '../../core/scan/index.js'
import { loadWasm } from '../../core/wasm/node.js'
import { npyBytes, parquetBytes } from '../core/io/plainWriters.js'

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? join(repositoryRoot(), 'docs/screenshots') : join(repositoryRoot(), 'test/.tmp/screenshots')
const TRAINING_TIMEOUT = 120_000

describe.skipIf(!hasChromium)('the web app in Chromium', () => {
  const session = useBrowserSession()

  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  const { open, expectNoProblems, problems } = pagesOf(session)

  const dimensionOf = async (page: Page, which: 'data' | 'latent', root = '') =>
    Number(await page.getAttribute(`${root} [data-testid=intrinsic-dimension] [data-which=${which}]`, 'data-value'))

  it('trains a circle in the browser from its URL: the latents, an intrinsic dimension near 1, the backend named', async () => {
    const page = await open('/?dataset=circle&n=4000&seed=1&run=local')
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
    await page.waitForSelector('[data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })

    // The relevance chart: one bar per latent (K = 4 for two features), the relevant ones marked, labelled z<i>.
    const bars = page.locator('[data-testid=relevance-chart] [data-mark=bar]')
    expect(await bars.count()).toBe(4)
    expect(await page.locator('[data-testid=relevance-chart] [data-mark=bar][data-relevant=true]').count()).toBeGreaterThanOrEqual(1)
    expect(await page.locator('[data-testid=relevance-chart] [data-mark=threshold]').count()).toBe(1)
    const latentLabels = await page.locator('[data-testid=relevance-chart] [data-mark=x-axis] text').allTextContents()
    expect(latentLabels.filter((t) => /^z\d$/.test(t)).sort()).toEqual(['z0', 'z1', 'z2', 'z3'])

    // One free coordinate: TwoNN on the data and on the relevant latents reads about 1.
    expect(await dimensionOf(page, 'data')).toBeGreaterThan(0.7)
    expect(await dimensionOf(page, 'data')).toBeLessThan(1.3)
    expect(await dimensionOf(page, 'latent')).toBeGreaterThan(0.7)
    expect(await dimensionOf(page, 'latent')).toBeLessThan(1.3)
    expect(await page.textContent('[data-testid=report-verdict]')).toMatch(/one free coordinate \(expected 1\)/)
    // The symmetry section, computed in the browser by the same core code: the circle's constraint and its so(2).
    const symmetries = await page.textContent('[data-testid=symmetries]')
    expect(symmetries).toContain('x1² + x2² = 1')
    expect(symmetries).toMatch(/Symmetry algebra of the data: so\(2\), dimension 1/)
    expect(symmetries).toMatch(/Free coordinates by scale: 1 free coordinate at scales above/)
    expect(symmetries).toMatch(/Invariances of the distribution: so\(2\)/)
    // The whole group with its reflection (issue 20), in the section and at the end of the verdict.
    expect(await page.textContent('[data-testid=symmetry-group]')).toMatch(/symmetry group O\(2\) = SO\(2\) ⋊ ℤ₂; discrete generators beyond SO\(2\): x/)
    expect(await page.textContent('[data-testid=report-verdict]')).toMatch(/symmetry group O\(2\) = SO\(2\) ⋊ ℤ₂ \(discrete: x/)

    // The backend is named (no GPU here: the fused WebAssembly SIMD trainer).
    expect(await page.textContent('[data-testid=backend]')).toMatch(/^fused WebAssembly SIMD trainer/)
    const progress = page.locator('[data-testid=training-progress]')
    // Trained until the relevances settled, well inside the cap of 10,000 epochs: the bar full at the epoch it stopped.
    const stoppedAt = Number(await progress.getAttribute('max'))
    expect(stoppedAt).toBeGreaterThan(0)
    expect(stoppedAt).toBeLessThan(10_000)
    expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(stoppedAt)
    expect(await page.textContent('[data-testid=report-verdict]')).not.toMatch(/not converged/)
    expect(await page.locator('[data-testid=latent-map] svg').count()).toBe(1)
    expect(await page.locator('[data-testid=loss-live] svg').count()).toBe(1)
    expect(await page.locator('[data-testid=downloads] a[download$=".json"]').count()).toBe(1)

    // The docs' circle as a newcomer meets it (issue 19): its labels clear of the marks and of each other, its titles
    // unclipped, its charts as wide as the panel (this page's training serves newcomer.test.ts's checks too).
    expect(await chartProblems(page)).toEqual([])
    const [chart, panel] = await Promise.all([
      page.locator('[data-testid=relevance-chart] svg').boundingBox(),
      page.locator('#results').boundingBox(),
    ])
    expect(chart!.width / panel!.width).toBeGreaterThan(0.85)
    await page.evaluate(() => document.querySelector('[data-testid=report-verdict]')!.scrollIntoView())
    await page.screenshot({ path: join(SCREENSHOTS, 'app-circle-results.png') })

    await page.setViewportSize({ width: 1200, height: 1420 })
    await page.evaluate(() => document.getElementById('training')!.scrollIntoView())
    await page.screenshot({ path: join(SCREENSHOTS, 'app-circle.png') })

    // A local report gets a stored, shareable link by running the same analysis on the server: the same id.
    const localId = await page.getAttribute('[data-report-id]', 'data-report-id')
    await page.getByTestId('store-on-server').click()
    await page.waitForSelector('[data-testid=share-link]', { timeout: TRAINING_TIMEOUT })
    expect(await page.getAttribute('[data-testid=share-link]', 'href')).toBe(`${session.server.origin}/?report=${localId}`)
    await page.close()
    expectNoProblems()
  }, 180_000)

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

  it('runs a small analysis on the server from the form, and its share link opens the stored report', async () => {
    const page = await open('/')
    // Labelled controls: the test finds every one by its label.
    await page.getByLabel('Dataset').selectOption('circle')
    await page.getByLabel('Events', { exact: true }).fill('2000')
    await page.getByLabel('Epochs', { exact: true }).fill('5')
    await page.getByLabel('Seed', { exact: true }).fill('2')
    await page.getByLabel('on the server').check()
    await page.getByLabel('Epochs', { exact: true }).press('Enter') // submits the form from the keyboard
    await page.waitForSelector('[data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
    expect(await page.textContent('[data-testid=backend]')).toMatch(/\(server\)$/)
    expect(page.url()).toContain('run=server')
    expect(page.url()).toContain('epochs=5')
    expect(await page.locator('[data-testid=relevance-chart] [data-mark=bar]').count()).toBe(4)
    const link = await page.getAttribute('[data-testid=share-link]', 'href')
    expect(link).toMatch(/\/\?report=[0-9a-f]{64}$/)
    const id = link!.slice(-64)
    const verdict = await page.textContent('[data-testid=report-verdict]')
    await page.close()

    const stored = await open(`/?report=${id}`)
    await stored.waitForSelector('[data-testid=relevance-chart] svg', { timeout: 30_000 })
    expect(await stored.textContent('[data-testid=report-verdict]')).toBe(verdict)

    // The element draws the same stored report by id, and from a report.json URL (the API's answer is one).
    await stored.evaluate((reportId) => {
      document.body.insertAdjacentHTML(
        'beforeend',
        `<symscope-report id="by-id" report-id="${reportId}" figures="relevance"></symscope-report>` +
          `<symscope-report id="by-src" src="/api/v1/analyses/${reportId}" figures="relevance,dimension"></symscope-report>`,
      )
      const script = document.createElement('script')
      script.type = 'module'
      script.src = '/symscope-report.js'
      document.head.appendChild(script)
    }, id)
    await stored.waitForSelector('#by-id [data-testid=relevance-chart] svg', { timeout: 30_000 })
    await stored.waitForSelector('#by-src [data-testid=intrinsic-dimension]', { timeout: 30_000 })
    expect(await stored.textContent('#by-src [data-testid=report-verdict]')).toBe(verdict)
    await stored.close()
    expectNoProblems()
  }, 180_000)

  it('draws a stored scan with <symscope-report scan-id>: the staircase, and a β slider that shows that point\'s report', async () => {
    const page = await open('/')
    // A scan of two β on the server: its points train as jobs, whose alarms wrangler dev fires by itself.
    const id = await page.evaluate(async () => {
      const body = { dataset: { generator: { name: 'circle', n: 600, seed: 3 } }, grid: { beta: [0.05, 2], seeds: [1] }, config: { epochs: 3 } }
      const response = await fetch('/api/v1/scans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      return ((await response.json()) as { id: string }).id
    })
    expect(id).toMatch(/^[0-9a-f]{64}$/)
    await page.evaluate((scanId) => {
      document.body.insertAdjacentHTML('beforeend', `<symscope-report id="scan" scan-id="${scanId}" figures="relevance"></symscope-report>`)
      const script = document.createElement('script')
      script.type = 'module'
      script.src = '/symscope-report.js'
      document.head.appendChild(script)
    }, id)
    await page.waitForSelector('#scan [data-testid=scan-staircase] svg', { timeout: TRAINING_TIMEOUT })
    expect(await page.locator('#scan [data-testid=scan-staircase] [data-mark=line][data-rank]').count()).toBe(4)
    await page.waitForSelector('#scan [data-testid=scan-point] [data-testid=relevance-chart] svg', { timeout: 30_000 })
    const first = await page.getAttribute('#scan [data-testid=scan-point] [data-report-id]', 'data-report-id')
    // Move the slider to the second β: the point's own report replaces the first.
    await page.locator('#scan [data-testid=scan-beta]').fill('1')
    await page.waitForFunction(
      (before) => {
        const host = document.querySelector('#scan')?.shadowRoot
        const id = host?.querySelector('[data-testid=scan-point] [data-report-id]')?.getAttribute('data-report-id')
        return id && id !== before
      },
      first,
      { timeout: 30_000 },
    )
    await page.close()

    // The web app opens the same scan from its share link.
    const shared = await open(`/?scan=${id}`)
    await shared.waitForSelector('[data-testid=scan-staircase] svg', { timeout: 30_000 })
    expect(await shared.getAttribute('[data-testid=share-link]', 'href')).toBe(`${session.server.origin}/?scan=${id}`)
    await shared.waitForSelector('[data-testid=scan-point] [data-testid=relevance-chart] svg', { timeout: 30_000 })
    await shared.close()
    expectNoProblems()
  }, 240_000)

  it('runs a scan in this browser from the form, one point at a time, and shows it with the scan view', async () => {
    const page = await open('/')
    await page.getByLabel('Dataset').selectOption('circle')
    await page.getByLabel('Events', { exact: true }).fill('600')
    await page.getByLabel('Epochs', { exact: true }).fill('3')
    await page.getByLabel('Seed', { exact: true }).fill('1')
    await page.getByRole('radio', { name: 'in this browser' }).check()
    // A bad grid is named by core's parseBetaGrid before anything trains.
    await page.getByLabel('β grid (scan)').fill('1:0.1:3')
    await page.getByLabel('Epochs', { exact: true }).press('Enter')
    await page.waitForSelector('[data-testid=form-error]:not([hidden])')
    expect(await page.textContent('[data-testid=form-error]')).toBe("the β grid '1:0.1:3' must run upwards (from < to)")
    await page.getByLabel('β grid (scan)').fill('0.05:1:3')
    await page.getByLabel('Epochs', { exact: true }).press('Enter')
    await page.waitForSelector('[data-testid=scan-staircase] svg', { timeout: TRAINING_TIMEOUT })
    expect(page.url()).toContain('betas=0.05%3A1%3A3')
    // The progress bar counted every point's epochs: 3 points × 3 epochs.
    const progress = page.locator('[data-testid=training-progress]')
    expect(await progress.getAttribute('max')).toBe('9')
    expect(await progress.evaluate((p: HTMLProgressElement) => p.value)).toBe(9)
    // The staircase: one line per latent rank (K = 4), over the three β.
    expect(await page.locator('[data-testid=scan-staircase] [data-mark=line][data-rank]').count()).toBe(4)
    expect(await page.textContent('[data-testid=scan-view] h2')).toBe('Scan of circle: 3 points')
    expect(await page.textContent('[data-testid=backend]')).toMatch(/^fused WebAssembly SIMD trainer/)
    // The same core plan as the CLI's: the scan id and every point's report id as planScan makes them in Node.
    const wasm = await loadWasm()
    const input = await inputFromSource(wasm, { kind: 'generator', dataset: 'circle', n: 600, seed: 1, params: {} })
    const plan = await planScan(wasm, input, { grid: { beta: parseBetaGrid('0.05:1:3'), seeds: [1], latent: [] }, config: { epochs: 3 }, trainer: 'fused' })
    expect(await page.getAttribute('[data-testid=scan-view]', 'data-scan-id')).toBe(plan.id)
    // The slider shows each point's own report, its relevance chart drawn from the report the worker made.
    await page.waitForSelector('[data-testid=scan-point] [data-testid=relevance-chart] svg')
    expect(await page.getAttribute('[data-testid=scan-point] [data-report-id]', 'data-report-id')).toBe(plan.points[0].prepared.id)
    await page.locator('[data-testid=scan-beta]').fill('2')
    await page.waitForFunction((id) => document.querySelector('[data-testid=scan-point] [data-report-id]')?.getAttribute('data-report-id') === id, plan.points[2].prepared.id)
    expect(await page.locator('[data-testid=scan-point] [data-testid=relevance-chart] [data-mark=bar]').count()).toBe(4)
    expect(await page.locator('[data-testid=downloads] a[download$=".json"]').count()).toBe(4)
    await page.close()
    expectNoProblems()
  }, 240_000)

  it('names the line and column of a malformed CSV', async () => {
    const page = await open('/')
    await page.getByLabel('Upload a file').check()
    await page.getByLabel('CSV file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('x1,x2,truth_theta\n1,0,0\n0,1,1.57\n-1,oops,3.14\n'),
    })
    const error = page.locator('[data-testid=csv-error]')
    await error.waitFor({ state: 'visible' })
    expect(await error.textContent()).toBe("line 4, column 2 ('x2'): 'oops' is not a number")
    await page.screenshot({ path: join(SCREENSHOTS, 'csv-error.png'), clip: { x: 0, y: 0, width: 1200, height: 560 } })

    await page.getByLabel('CSV file').setInputFiles({ name: 'short.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2\n1,2\n3\n') })
    await page.waitForFunction(() => /line 3/.test(document.querySelector('[data-testid=csv-error]')!.textContent ?? ''))
    expect(await error.textContent()).toBe('line 3: 1 fields, but the header has 2')
    await page.close()
    expectNoProblems()
  })

  it('reads a dropped Parquet file in the browser and a picked .npy file on the server, and reports on both', async () => {
    const n = 600
    const x1 = Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * i) / n))
    const x2 = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * i) / n))
    const page = await open('/')
    // Dropped on the form: a Parquet file (hyparquet-writer), read by core in the analysis worker.
    const parquet = Array.from(parquetBytes({ x1, x2 }))
    await page.evaluate((bytes) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(bytes)], 'ring.parquet'))
      document.querySelector('form')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    }, parquet)
    await page.waitForFunction(() => /ring.parquet: Parquet file/.test(document.querySelector('[data-testid=csv-summary]')!.textContent ?? ''))
    await page.getByLabel('Epochs', { exact: true }).fill('3')
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.waitForSelector('[data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
    expect(await page.locator('[data-testid=report-verdict]').textContent()).toMatch(/2 input features/)

    // Picked: an .npy array (header written by hand), sent to the server as a binary upload.
    const rows = x1.flatMap((v, i) => [v, x2[i]])
    await page.getByLabel('CSV file').setInputFiles({ name: 'ring.npy', mimeType: 'application/octet-stream', buffer: Buffer.from(npyBytes(rows, [n, 2], '<f8')) })
    await page.waitForFunction(() => /ring.npy: .npy file/.test(document.querySelector('[data-testid=csv-summary]')!.textContent ?? ''))
    await page.getByLabel('on the server').check()
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page.waitForFunction(() => /trained on the server/.test(document.body.textContent ?? ''), undefined, { timeout: TRAINING_TIMEOUT })
    expect(await page.locator('[data-testid=report-verdict]').textContent()).toMatch(/2 input features/)
    await page.close()
    expectNoProblems()
  }, 240_000)

  it('renders a report in the copy-paste embed example', async () => {
    const page = await open('/embed-example.html', { width: 900, height: 900 })
    const demo = page.locator('symscope-report#demo')
    await page.waitForSelector('symscope-report#demo [data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
    expect(await demo.locator('[data-mark=bar]').count()).toBe(4)
    expect(await demo.locator('[data-testid=report-verdict]').textContent()).toMatch(/free coordinate/)
    expect(await demo.locator('[data-testid=latent-map] svg').count()).toBe(1)
    expect(await page.evaluate(() => (document.getElementById('demo') as HTMLElement & { report: { id: string } | null }).report?.id)).toMatch(/^[0-9a-f]{64}$/)
    await page.waitForSelector('symscope-report[dataset=ee_mumu] [data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
    await demo.screenshot({ path: join(SCREENSHOTS, 'embed-example.png') })
    await page.close()
    expectNoProblems()
  }, 180_000)

  it(
    'analyses the bundled CMS Z → μμ events in the browser and on the server',
    async () => {
      for (const run of ['local', 'server']) {
        const page = await open(`/?example=cms&epochs=2&seed=1&run=${run}`)
        await page.waitForSelector('[data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
        const summary = await page.textContent('[data-testid=report-summary]')
        expect(summary).toMatch(/^Zmumu_Run2011A\.csv \(CMS 2011, first 2,000 events\): 1,9\d\d events, 8 features/)
        expect(await page.locator('[data-testid=correlation-table] th', { hasText: 'truth_mass' }).count()).toBe(1)
        expect(await page.locator('[data-testid=relevance-chart] [data-mark=bar]').count()).toBe(8)
        await page.close()
      }
      expectNoProblems()
    },
    180_000,
  )

  it('takes WebGPU only on a real adapter: a software one falls back to the fused trainer, unless asked for by name', async () => {
    // Headless Chromium with --enable-unsafe-webgpu offers SwiftShader, a fallback adapter (docs/platform.md).
    const gpuBrowser = await launchChromium(['--enable-unsafe-webgpu'])
    try {
      for (const [choice, label, trainedOn] of [
        ['auto', /^fused WebAssembly SIMD trainer/, 'fused'],
        ['webgpu', /^WebGPU$/, 'tfjs-webgpu'],
      ] as const) {
        const page = await gpuBrowser.newPage()
        page.on('pageerror', (error) => problems.push(`webgpu ${choice}: page error: ${error.message}`))
        await page.goto(`${session.server.origin}/?dataset=circle&n=2000&epochs=2&seed=1&run=local&backend=${choice}`)
        await page.waitForSelector('[data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
        expect(await page.textContent('[data-testid=backend]')).toMatch(label)
        expect(await page.textContent('[data-testid=backend-note]')).toMatch(/software WebGPU adapter \(google swiftshader\)/)
        expect(await page.textContent('[data-testid=report-summary]')).toContain(`on ${trainedOn}`)
        await page.close()
      }
    } finally {
      await gpuBrowser.close()
    }
    expectNoProblems()
  }, 180_000)

  it('fits a phone-sized screen', async () => {
    const page = await open('/?dataset=circle&n=2000&epochs=5&seed=1&run=local', { width: 390, height: 844 })
    await page.waitForSelector('[data-testid=relevance-chart] svg', { timeout: TRAINING_TIMEOUT })
    // Nothing wider than the screen: no sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: join(SCREENSHOTS, 'app-phone.png') })
    await page.evaluate(() => document.querySelector('[data-testid=report-verdict]')!.scrollIntoView())
    await page.screenshot({ path: join(SCREENSHOTS, 'app-phone-results.png') })
    await page.close()
    expectNoProblems()
  }, 180_000)
})
