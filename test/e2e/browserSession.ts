// One Chromium and one `wrangler dev --local` per browser test file: started before its tests, stopped after them
// (the server by its process group). Where Debian's Chromium is missing the file's tests skip, except under CI,
// which installs it (.ci/run) and must run them.
import { existsSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { CHROMIUM_PATH, launchChromium } from '../../scripts/chromium.js'
import { startWranglerDev, type WranglerDev } from '../../scripts/wranglerDev.js'

export const hasChromium = existsSync(CHROMIUM_PATH)
if (!hasChromium) {
  if (process.env.CI) throw new Error(`${CHROMIUM_PATH} is missing: CI installs it (.ci/run: apt-get install -y chromium) and must run these tests`)
  console.warn(`e2e: SKIPPED: ${CHROMIUM_PATH} is missing. Install Debian's chromium (apt-get install -y chromium) to run the browser tests.`)
}

/** The server and the browser of a test file, set once its beforeAll has run. */
export interface BrowserSession {
  readonly server: WranglerDev
  readonly browser: Browser
}

/** Registers the start and the stop of the file's server and browser; call it inside the file's describe block. */
export function useBrowserSession(): BrowserSession {
  const session = {} as { server: WranglerDev; browser: Browser }
  // Both at once: wrangler dev's start (~5 s, most of it waiting for workerd) and Chromium's overlap.
  beforeAll(async () => {
    const [server, browser] = await Promise.allSettled([startWranglerDev(), launchChromium()])
    if (server.status === 'fulfilled') session.server = server.value
    if (browser.status === 'fulfilled') session.browser = browser.value
    if (server.status === 'rejected') throw server.reason
    if (browser.status === 'rejected') throw browser.reason
  }, 180_000)
  afterAll(async () => {
    await session.browser?.close()
    await session.server?.stop()
  })
  return session
}

/**
 * Opening pages of the session's server whose script errors, console errors and failed requests are collected, and
 * the check every test ends with: none of them (with the server's last words when there were some).
 */
export function pagesOf(session: BrowserSession): {
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>
  expectNoProblems(): void
  /** What was collected so far, for pages opened elsewhere (another browser) to add to. */
  problems: string[]
} {
  const problems: string[] = []
  // Console errors of failed loads, kept with their URL until the check, which drops those of wrangler dev's own
  // transient 503 (below): the response event and the console message may come in either order.
  const failedLoads: { url: string; text: string }[] = []
  const proxyHiccups = new Set<string>()
  return {
    problems,
    async open(path, viewport = { width: 1200, height: 900 }) {
      const page = await session.browser.newPage({ viewport })
      page.setDefaultNavigationTimeout(90_000) // two shared cores: a busy machine serves slowly
      page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        const text = `${path}: console error: ${message.text()}`
        if (/^Failed to load resource/.test(message.text())) failedLoads.push({ url: message.location().url, text })
        else problems.push(text)
      })
      page.on('response', (response) => {
        if (isProxyHiccup(response.status(), response.headers())) proxyHiccups.add(response.url())
      })
      page.on('requestfailed', (request) => problems.push(`${path}: request failed: ${request.url()} ${request.failure()?.errorText}`))
      await page.goto(`${session.server.origin}${path}`)
      return page
    },
    expectNoProblems() {
      const loads = failedLoads.splice(0).filter((load) => !proxyHiccups.has(load.url))
      proxyHiccups.clear()
      const found = [...problems.splice(0), ...loads.map((load) => load.text)]
      expect(found, found.length ? `wrangler dev said:\n${session.server.log().slice(-3000)}` : undefined).toEqual([])
    },
  }
}

/**
 * wrangler dev's ProxyWorker answers a POST whose connection to workerd was lost with a plain-text 503 and
 * `Retry-After: 0` ("Your worker restarted mid-request"), also when the worker never restarted: a known transport
 * fault of wrangler dev (cloudflare/workers-sdk#14641, fixed in releases that need Node 22). symscope's API never
 * answers 503 (its errors are JSON), and the element tries a 503 again (client/element/api.ts), so such a load is
 * the dev server's, not the page's; the test still fails when the retry does not bring the report.
 */
function isProxyHiccup(status: number, headers: Record<string, string>): boolean {
  return status === 503 && headers['retry-after'] === '0' && !/json/.test(headers['content-type'] ?? '')
}
