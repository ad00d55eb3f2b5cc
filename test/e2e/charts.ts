// What the browser measures of the charts on a page (getBoundingClientRect, computed styles), for the e2e tests that
// check them: overlapping labels, clipped titles, the smallest text.
import type { Page } from 'playwright-core'

/**
 * Overlaps between what the charts on the page draw, measured by the browser (getBoundingClientRect): value labels
 * against KL diamonds, error bars and other labels, and every title against its chart's edges. Empty when clean.
 */
export async function chartProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const roots: (Document | ShadowRoot)[] = [document, ...[...document.querySelectorAll('symscope-report')].map((e) => e.shadowRoot).filter((r): r is ShadowRoot => !!r)]
    const svgs = roots.flatMap((root) => [...root.querySelectorAll('svg')]).filter((svg) => svg.getBoundingClientRect().width > 0)
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5
    for (const svg of svgs) {
      const box = svg.getBoundingClientRect()
      const title = svg.querySelector('[data-mark=title]')
      if (title) {
        const t = title.getBoundingClientRect()
        if (t.left < box.left - 0.5 || t.right > box.right + 0.5) problems.push(`title '${title.textContent}' clipped (${t.left}–${t.right} in ${box.left}–${box.right})`)
      }
      const labels = [...svg.querySelectorAll('[data-mark=value] text')].map((e) => ({ text: e.textContent, rect: e.getBoundingClientRect() }))
      const marks = [...svg.querySelectorAll('[data-mark=kl], [data-mark=error-bar]')].map((e) => ({ what: e.getAttribute('data-mark'), rect: e.getBoundingClientRect() }))
      for (const label of labels) {
        for (const mark of marks) if (hit(label.rect, mark.rect)) problems.push(`value ${label.text} over a ${mark.what}`)
        for (const other of labels) if (other !== label && hit(label.rect, other.rect)) problems.push(`value ${label.text} over value ${other.text}`)
      }
    }
    return problems
  })
}

/** The smallest rendered text height (px) in the charts under `selector`, tick labels and legends included. */
export async function smallestChartText(page: Page, selector: string): Promise<number> {
  return page.evaluate((selector) => {
    const roots: (Document | ShadowRoot)[] = [document, ...[...document.querySelectorAll('symscope-report')].map((e) => e.shadowRoot).filter((r): r is ShadowRoot => !!r)]
    let smallest = Infinity
    for (const root of roots) {
      for (const svg of root.querySelectorAll(`${selector} svg`)) {
        const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width
        for (const text of svg.querySelectorAll('text')) {
          const size = Number(getComputedStyle(text).fontSize.replace('px', ''))
          if (text.getBoundingClientRect().width > 0) smallest = Math.min(smallest, size * scale)
        }
      }
    }
    return smallest
  }, selector)
}
