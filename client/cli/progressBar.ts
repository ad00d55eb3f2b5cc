/**
 * A one-line progress bar on a terminal: `label [██████░░░░] 60% 600,000/1,000,000 events · 12.3 M/s · 0.1 s left`.
 * Redraws at most ten times a second; draws nothing when the stream is not a terminal (pipes, CI logs).
 */
export interface ProgressBar {
  /** `note` (a loss, say) is shown after the bar. */
  update(done: number, note?: string): void
  finish(): void
}

export interface ProgressBarOptions {
  label: string
  total: number
  unit: string
  stream?: NodeJS.WriteStream
  width?: number
}

const REDRAW_MS = 100
const silent: ProgressBar = { update() {}, finish() {} }

export function createProgressBar({ label, total, unit, stream = process.stderr, width = 24 }: ProgressBarOptions): ProgressBar {
  if (!stream.isTTY) return silent
  const start = performance.now()
  let last = -Infinity
  let lastNote = ''
  const draw = (done: number) => {
    const fraction = total > 0 ? Math.min(done / total, 1) : 1
    const filled = Math.round(fraction * width)
    const seconds = (performance.now() - start) / 1000
    const rate = seconds > 0 ? done / seconds : 0
    const left = rate > 0 ? (total - done) / rate : 0
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled)
    const rateText = rate >= 1e6 ? `${(rate / 1e6).toFixed(1)} M/s` : `${Math.round(rate).toLocaleString('en-US')}/s`
    stream.write(
      `\r${label} [${bar}] ${Math.round(fraction * 100)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit}` +
        ` · ${rateText} · ${left.toFixed(1)} s left${lastNote ? ` · ${lastNote}` : ''}\x1b[K`,
    )
  }
  return {
    update(done, note) {
      if (note !== undefined) lastNote = note
      const now = performance.now()
      if (now - last < REDRAW_MS && done < total) return
      last = now
      draw(done)
    },
    finish() {
      draw(total)
      stream.write('\n')
    },
  }
}
