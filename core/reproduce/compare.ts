// Does a reproduce run find what its experiment expects? One line per experiment for summary.md (issue 19, item 12):
// the expectation, the finding with its statistic, agreement (yes, no, or undetermined when the interval cannot
// tell), and why, from the report's own numbers.
import type { Report } from '../report/schema.js'
import { scaleText } from '../report/symmetryWording.js'
import type { Experiment } from './suite.js'

/** Largest |measured − predicted| relevance the linear toy model allows (docs/linear-toy-model.md, its test's bound). */
export const LINEAR_TOY_TOLERANCE = 0.05

export interface Comparison {
  expected: string
  found: string
  agrees: 'yes' | 'no' | 'undetermined'
  why: string
}

/** How the run was made, for the reason when it falls short: a --quick run trains less on fewer events. */
export interface RunSize {
  quick: boolean
  events: number
  epochs: number
}

const fixed = (v: number) => v.toFixed(2)

/** The experiment's expectation against the report (see Comparison). */
export function compareWithExpectation(experiment: Experiment, report: Report, run: RunSize): Comparison {
  const short = run.quick
    ? `; a --quick run (${run.events.toLocaleString('en-US')} events, ${run.epochs} epochs; the full run: ${experiment.events.full.toLocaleString('en-US')}, ${experiment.epochs.full})`
    : ''
  if ('linearToy' in experiment.expected) {
    const expected = `relevances R_k = 1 − βD/(2λ_k) within ${LINEAR_TOY_TOLERANCE}`
    const ranks = report.linearToy?.ranks.filter((r) => r.measured !== null) ?? []
    if (!ranks.length) return { expected, found: 'no linear-toy comparison in the report', agrees: 'undetermined', why: 'the run was not a linear VAE' }
    const worst = ranks.reduce((a, b) => (Math.abs(b.measured! - b.predicted) > Math.abs(a.measured! - a.predicted) ? b : a))
    const deviation = Math.abs(worst.measured! - worst.predicted)
    const found = `largest |measured − predicted| ${deviation.toFixed(3)} (rank ${worst.rank}: ${fixed(worst.measured!)} against ${fixed(worst.predicted)})`
    return deviation <= LINEAR_TOY_TOLERANCE
      ? { expected, found, agrees: 'yes', why: `every rank within ${LINEAR_TOY_TOLERANCE} of the closed form` }
      : { expected, found, agrees: 'no', why: `rank ${worst.rank} is ${deviation.toFixed(3)} off: training not converged${short}` }
  }
  const want = experiment.expected.freeCoordinates
  const expected = `${want} free coordinate${want === 1 ? '' : 's'}`
  const id = report.intrinsicDimension
  const measured = id.latent ?? id.data
  if (measured === null) return { expected, found: 'no intrinsic dimension', agrees: 'undetermined', why: 'too few events for TwoNN' }
  const count = Math.max(0, Math.round(measured))
  const interval = id.latent !== null ? id.latentInterval : id.dataInterval
  const of = id.latent !== null ? 'relevant latents' : 'data (no relevant latent)'
  const range = interval ? `, ${Math.round(interval.level * 100)} % interval ${fixed(interval.lower)}–${fixed(interval.upper)}` : ''
  const found = `${count} (TwoNN of the ${of} ${fixed(measured)}${range})`
  if (count === want) return { expected, found, agrees: 'yes', why: `TwoNN ${fixed(measured)} rounds to ${want}` }
  if (interval && interval.lower <= want && want <= interval.upper) {
    return { expected, found, agrees: 'undetermined', why: `the interval includes ${want}: these events cannot tell ${count} from ${want}${short}` }
  }
  const reasons = [interval ? `the interval excludes ${want}` : `TwoNN ${fixed(measured)} is not ${want}`]
  if (report.relevantCount === 0) reasons.push('no latent stayed relevant (too little training, or β too large)')
  const scale = report.symmetries ? scaleText(report.symmetries) : null
  if (scale) reasons.push(`by scale: ${scale}`)
  return { expected, found, agrees: 'no', why: `${reasons.join('; ')}${short}` }
}
