// The CLI's notices for long steps (client/cli/stepProgress.ts) on a stand-in stream: a notice only for a step
// estimated at a second or more, a bar only on a terminal, redrawn at the step's pauses and ended by the next phase.
import { describe, expect, it } from 'vitest'
import { stepProgress } from '../../client/cli/stepProgress.js'

function stream(isTTY: boolean) {
  const written: string[] = []
  return { written, stream: { isTTY, write: (text: string) => (written.push(text), true) } as unknown as NodeJS.WriteStream }
}

describe('stepProgress', () => {
  it('announces a step of a second or more with its estimate, and draws its bar on a terminal until the next phase', async () => {
    const out = stream(true)
    const steps = stepProgress('50,000 events × 10 features', false, out.stream)
    steps.onPhase('symmetries', 4.06)
    expect(out.written).toEqual(['symscope: symmetry section of 50,000 events × 10 features: up to about 4.1 s (estimated from the shape)\n'])
    await steps.pause()
    expect(out.written.at(-1)).toMatch(/^\rsymmetry section \[[█░]{24}\] \d+\.\d s of about 4\.1 s\x1b\[K$/)
    steps.onPhase('training', null)
    expect(out.written.slice(-2)).toEqual([expect.stringMatching(/^\rsymmetry section \[█{24}\]/), '\n'])
    const before = out.written.length
    await steps.pause() // training: no step of its own here (its bar is trainingProgress)
    steps.onPhase('statistics', 0.4) // under a second: no notice, no bar
    await steps.pause()
    steps.finish()
    expect(out.written.length).toBe(before)
  })

  it('writes the notice but no bar off a terminal, and nothing at all with --quiet', async () => {
    for (const [isTTY, quiet, lines] of [[false, false, 1], [true, true, 0], [false, true, 0]] as const) {
      const out = stream(isTTY)
      const steps = stepProgress('60 events × 180 features', quiet, out.stream)
      steps.onPhase('symmetries', 1.2)
      await steps.pause()
      steps.finish()
      expect(out.written.length).toBe(lines)
    }
  })
})
