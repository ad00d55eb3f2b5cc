import type { AnalysisPhase } from '../../core/analysis/index.js'

/** Steps estimated at this many seconds or more get a notice with the estimate before they start. */
const NOTICE_SECONDS = 1
const REDRAW_MS = 100
const BAR_WIDTH = 24

const STEP_NAMES: Partial<Record<AnalysisPhase, string>> = {
  symmetries: 'symmetry section',
  statistics: 'statistics (intrinsic dimensions and their intervals)',
}

const secondsText = (seconds: number) => (seconds < 10 ? seconds.toFixed(1) : Math.round(seconds).toLocaleString('en-US'))

/**
 * The analysis's long steps on the command line (issue 18): before a step estimated from its shape at a second or
 * more (core/analysis/stepEstimates.ts), one line on stderr, `symscope: symmetry section of 50,000 events × 10
 * features: up to about 4.1 s (estimated from the shape)`; while it runs, on a terminal only, a bar of the seconds spent
 * against the estimate, redrawn at the step's pauses (core/stats/pause.ts). Nothing with --quiet; stdout and the
 * report are untouched.
 */
export function stepProgress(shape: string, quiet: boolean, stream: NodeJS.WriteStream = process.stderr) {
  let current: { name: string; estimate: number; start: number; drawn: boolean; last: number } | null = null
  const endLine = () => {
    if (current?.drawn) stream.write('\n')
    current = null
  }
  const draw = (final: boolean) => {
    if (!current || !stream.isTTY) return
    const now = performance.now()
    if (!final && now - current.last < REDRAW_MS) return
    current.last = now
    current.drawn = true
    const spent = (now - current.start) / 1000
    const filled = final ? BAR_WIDTH : Math.min(BAR_WIDTH - 1, Math.round((spent / current.estimate) * BAR_WIDTH))
    stream.write(`\r${current.name} [${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${secondsText(spent)} s of about ${secondsText(current.estimate)} s\x1b[K`)
  }
  return {
    onPhase(phase: AnalysisPhase, estimate: number | null) {
      draw(true)
      endLine()
      const name = STEP_NAMES[phase]
      if (quiet || !name || estimate === null || estimate < NOTICE_SECONDS) return
      stream.write(`symscope: ${name} of ${shape}: up to about ${secondsText(estimate)} s (estimated from the shape)\n`)
      current = { name, estimate, start: performance.now(), drawn: false, last: -Infinity }
    },
    /** The analysis's pause hook: redraws the bar; never waits. */
    pause: async () => draw(false),
    finish() {
      draw(true)
      endLine()
    },
  }
}
