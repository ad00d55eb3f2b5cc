// Issue 17's acceptance check, "the default count equals the count after 10× the samples", inside the suite at a
// cost it can afford: three datasets × three training seeds, a small network (hidden width 16, 5–6× cheaper per sample
// than the default 64) and 5,000 events. The full check (seven datasets, the default network, 20,000 events) is the
// benchmark `node dist/bench/run.js convergence` (bench/RESULTS.md).
//
// One training per case serves both counts: a run trained on past its stopping point follows the default run step
// for step (the checks read the weights and change nothing; each step's batch and noise follow from the seed and
// the step), so the default run is its prefix. At 5,000 events every check reads the whole validation split, so the
// check's count at the stopping point S is the default report's count (asserted at the end point, where both are
// computed), and the check at 10·S gives the long run's count. For one seed per dataset the default run is also
// trained on its own, to assert that it stops at S with that count. About 45 s of CPU (100 s of wall time at a
// load of 11 on 2 cores), so it is in the slow tier (vitest.config.ts, TESTS_THAT_TRAIN).
import { describe, expect, it } from 'vitest'
import { inputFromSource, prepareAnalysis, relevanceSpectrum, trainAnalysis } from '../../../core/analysis/index.js'
import { relevance } from '../../../core/stats/relevance.js'
import { CHECK_ROWS, DEFAULT_SAMPLE_BUDGET, type CheckRecord } from '../../../core/vae/convergence.js'
import { disposeVae, encodeRows } from '../../../core/vae/index.js'
import { loadWasm } from '../../../core/wasm/node.js'

const EVENTS = 5_000
const SEEDS = [1, 2, 3]
const NETWORK = { hidden: 16 }
/**
 * Most cases that may end undetermined (not converged within the default budget, as the report would then say):
 * 1 of the 9. None did when this was written; more would mean the rule waits past the budget on plain data.
 */
const MOST_UNDETERMINED = 1

/** The paper's datasets with the counts the bench finds on the default network (bench/RESULTS.md), asserted here too. */
const DATASETS = [
  { dataset: 'circle', count: 2 },
  { dataset: 'disk', count: 2 },
  { dataset: 'ee_mumu', count: 3 },
]

interface Outcome {
  label: string
  /** Samples at the default stopping point, or null when the default budget ran out first (undetermined). */
  stoppedAt: number | null
  count: number | null
  tenfoldCount: number | null
}

describe('the relevant count does not depend on when training stopped', () => {
  it('equals the count after 10× the samples on circle, disk and e⁺e⁻, three seeds each', async () => {
    const wasm = await loadWasm()
    const outcomes: Outcome[] = []
    for (const { dataset, count: expected } of DATASETS) {
      const input = await inputFromSource(wasm, { kind: 'generator', dataset, n: EVENTS, seed: 1 })
      for (const seed of SEEDS) {
        const label = `${dataset} seed ${seed}`
        // The long run: trained on to 10× the stopping point (or to the default budget when it never converges).
        const long = await prepareAnalysis(wasm, input, { config: { ...NETWORK, seed, samples: 10 * DEFAULT_SAMPLE_BUDGET } })
        const stop = new AbortController()
        let stopping: CheckRecord | null = null
        let last: CheckRecord | null = null
        const trained = await trainAnalysis(wasm, long, {
          untilCap: true,
          signal: stop.signal,
          onCheck: (check, state) => {
            last = check
            if (!stopping && state.converged) stopping = check
            if (stopping ? check.samples >= 10 * stopping.samples : check.samples >= DEFAULT_SAMPLE_BUDGET) stop.abort()
          },
        })
        const validation = trained.validationRows.length
        expect(validation, 'every check reads the whole validation split').toBeLessThanOrEqual(CHECK_ROWS)
        // The check's count is the report's count on the same weights (R ≥ threshold over the validation split).
        const { data, cols } = long.features.matrix
        const encoded = encodeRows(trained.vae, data, cols, trained.validationRows)
        const reportCount = relevanceSpectrum(relevance(wasm, encoded.means, encoded.logVars, validation, long.config.latent), long.threshold).relevantCount
        disposeVae(trained.vae)
        const end = last as CheckRecord | null
        expect(end?.relevantCount, `${label}: the check's count is the report's`).toBe(reportCount)
        const at = stopping as CheckRecord | null
        if (!at) {
          outcomes.push({ label, stoppedAt: null, count: null, tenfoldCount: null })
          continue
        }
        expect(end!.samples, `${label}: trained on to 10× the stopping point`).toBe(10 * at.samples)
        outcomes.push({ label, stoppedAt: at.samples, count: at.relevantCount, tenfoldCount: end!.relevantCount })
        expect(at.relevantCount, `${label}: the paper's count, not a trivially stable one`).toBe(expected)

        // The default run on its own stops at the same check with the same count (first seed of each dataset: the
        // prefix argument holds by construction; this keeps it checked at a tenth of the cost).
        if (seed !== SEEDS[0]) continue
        const short = await prepareAnalysis(wasm, input, { config: { ...NETWORK, seed } })
        const alone = await trainAnalysis(wasm, short)
        disposeVae(alone.vae)
        expect(alone.convergence.converged, label).toBe(true)
        expect(alone.convergence.samples, label).toBe(at.samples)
        expect(alone.convergence.checks.at(-1)!.relevantCount, label).toBe(at.relevantCount)
      }
    }
    const table = outcomes.map((o) => `${o.label}: ${o.stoppedAt === null ? 'undetermined' : `${o.count} at ${o.stoppedAt}, ${o.tenfoldCount} after 10×`}`).join('; ')
    for (const o of outcomes) if (o.stoppedAt !== null) expect(o.tenfoldCount, table).toBe(o.count)
    expect(outcomes.filter((o) => o.stoppedAt === null).length, table).toBeLessThanOrEqual(MOST_UNDETERMINED)
  }, 300_000)
})
