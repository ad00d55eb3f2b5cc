// Debian's Chromium driven by playwright-core (never a browser download), for bench/browser.ts and the end-to-end
// tests (test/e2e/).
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Debian's `chromium` package (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * Chromium as root in a container, headless and quiet (docs/platform.md). Playwright gives every launch a
 * fresh temporary user-data directory.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
]

/** Launches Debian's Chromium headless (a fresh profile each time); `extraArgs` add flags such as WebGPU's. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium`)
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], timeout: 60_000 })
}
