import type { ConvergenceRecord } from '../report/schema.js'
import type { TrainingConvergence } from '../vae/train.js'

/**
 * The report's `training.convergence` from the stopping rule's record (core/vae/convergence.ts): per latent its
 * relevance at the last check, its drift per window over the rule's span with its tolerance and jitter, Var[μ] + ⟨σ²⟩, and
 * whether it is collapsing; every check's count, loss and relevances.
 */
export function convergenceSection(record: TrainingConvergence): ConvergenceRecord {
  const lastCheck = record.checks[record.checks.length - 1]
  const state = record.last
  const latents = lastCheck
    ? lastCheck.relevance.map((relevance, index) => ({
        index,
        relevance,
        drift: state?.drift[index] ?? 0,
        tolerance: state?.tolerance[index] ?? 0,
        scatter: state?.scatter[index] ?? 0,
        totalVariance: relevance + lastCheck.sigma2[index],
        collapsing: state?.collapsing.includes(index) ?? false,
      }))
    : []
  return {
    converged: record.converged,
    samples: record.samples,
    capSamples: record.capSamples,
    checkSamples: record.checkSamples,
    checkRows: record.checkRows,
    window: record.window,
    lossDrift: state && Number.isFinite(state.lossDrift) ? state.lossDrift : null,
    latents,
    checks: record.checks.map((c) => ({ samples: c.samples, loss: c.loss, relevantCount: c.relevantCount, relevance: c.relevance })),
  }
}

/** "1.2·10⁶"-style sample counts for sentences. */
export function samplesText(samples: number): string {
  if (samples < 10_000) return String(samples)
  const exponent = Math.floor(Math.log10(samples))
  const superscript = String(exponent).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)])
  return `${(samples / 10 ** exponent).toFixed(1)}·10${superscript}`
}
