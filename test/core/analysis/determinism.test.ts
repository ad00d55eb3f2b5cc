import { describe, expect, it } from 'vitest'
import { analyze, inputFromTable } from '../../../core/analysis/index.js'
import { readCsv, SymscopeError } from '../../../core/index.js'
import { reportSchema } from '../../../core/report/schema.js'
import { setupTensorflow } from '../../../core/tf/node.js'
import { loadWasm } from '../../../core/wasm/node.js'
import { analyseDataset, sharedAnalysis, withoutTimings } from './analysisCase.js'

const small = { dataset: 'disk', n: 1200, seed: 3 }
const quick = { config: { epochs: 4 } }

describe('the report', () => {
  it('is the same for the same seed and backend, and different for another seed', async () => {
    // two separate trainings (the second is the one the other tests share)
    const a = await analyseDataset(small, quick)
    const b = await sharedAnalysis(small, quick)
    // The same bytes, not only equal values.
    expect(JSON.stringify(withoutTimings(b))).toBe(JSON.stringify(withoutTimings(a)))
    const c = await analyseDataset(small, { config: { epochs: 4, seed: 4 } })
    expect(c.id).not.toBe(a.id)
    expect(relevances(c)).not.toEqual(relevances(a))
  }, 120_000)

  it('validates against its schema, names its backend and versions, and survives JSON', async () => {
    const report = await sharedAnalysis(small, quick)
    expect(report.training.backend).toBe('fused')
    expect(report.software.tfjs).toBe('not used')
    expect(report.id).toMatch(/^[0-9a-f]{64}$/)
    expect(reportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report)
    // sorted by decreasing relevance, relevant exactly when at or above the threshold
    for (let i = 1; i < report.latents.length; i++) expect(report.latents[i - 1].relevance).toBeGreaterThanOrEqual(report.latents[i].relevance)
    for (const l of report.latents) expect(l.relevant).toBe(l.relevance >= report.config.threshold)
    expect(report.training.history.length).toBe(4)
  }, 120_000)

  it('carries a 90 % interval around every estimate: relevances, TwoNN and each Gride point', async () => {
    const report = await sharedAnalysis(small, quick)
    expect(report.uncertainty).toEqual({ level: 0.9, bootstrapResamples: 200, bootstrapSeed: 1 })
    for (const l of report.latents) {
      const interval = l.relevanceInterval!
      // A percentile interval of a variance: ordered, non-negative, and around the full-sample R unless R ≈ 0.
      expect(interval.lower).toBeGreaterThanOrEqual(0)
      expect(interval.lower).toBeLessThanOrEqual(interval.upper)
      if (l.relevance > 0.01) {
        expect(interval.lower).toBeLessThan(l.relevance)
        expect(interval.upper).toBeGreaterThan(l.relevance)
      }
    }
    const id = report.intrinsicDimension
    expect(id.dataInterval!.lower).toBeLessThan(id.dataInterval!.mle)
    expect(id.dataInterval!.upper).toBeGreaterThan(id.dataInterval!.mle)
    // The disk is two-dimensional: the 90 % interval of 960 + 240 points should hold 2 (it misses 1 time in 10).
    expect(id.dataInterval!.lower).toBeLessThan(2.1)
    expect(id.dataInterval!.upper).toBeGreaterThan(1.9)
    for (const p of id.dataCurve) {
      expect(p.lower!).toBeLessThan(p.dimension)
      expect(p.upper!).toBeGreaterThan(p.dimension)
    }
    // Not a linear VAE: no toy-model comparison.
    expect(report.linearToy).toBeUndefined()
  }, 120_000)
})

describe('the report id', () => {
  it('covers the trainer: tfjs gives other bytes under another id, and names its backend and version', async () => {
    const fused = await sharedAnalysis(small, quick)
    const tfjs = await analyseDataset(small, { ...quick, trainer: 'tfjs-wasm' })
    expect(tfjs.training.backend).toBe('tfjs-wasm')
    expect(tfjs.software.tfjs).toMatch(/^\d+\.\d+\.\d+$/)
    expect(tfjs.id).not.toBe(fused.id)
    expect(relevances(tfjs)).not.toEqual(relevances(fused))
  }, 120_000)

  it('covers a training aborted before its planned steps', async () => {
    const whole = await sharedAnalysis(small, quick)
    const controller = new AbortController()
    const stopped = await analyseDataset(small, {
      ...quick,
      onEpoch: (record) => void (record.epoch === 2 && controller.abort()),
      signal: controller.signal,
    })
    expect(stopped.training.history.length).toBe(2)
    expect(stopped.training.steps).toBeLessThan(whole.training.steps)
    expect(stopped.id).not.toBe(whole.id)
  }, 120_000)
})

const relevances = (r: { latents: { relevance: number }[] }) => r.latents.map((l) => l.relevance)

describe('data that cannot be analysed gets a clear error', () => {
  const analyseCsv = async (text: string, options = {}) => {
    const wasm = await loadWasm()
    await setupTensorflow('wasm')
    return analyze(wasm, inputFromTable(readCsv(text), 'bad', 'csv'), options)
  }
  const rows = (n: number, f: (i: number) => string) => `a,b\n${Array.from({ length: n }, (_, i) => f(i)).join('\n')}\n`

  const cases: [string, () => Promise<unknown>, string, RegExp][] = [
    ['too few events', () => analyseCsv(rows(10, (i) => `${i},${i * i}`)), 'invalid_data', /10 events; an analysis needs at least 50/],
    ['every feature constant', () => analyseCsv(rows(100, () => '1,2')), 'invalid_data', /every feature is constant/],
    ['fewer rows than a batch', () => analyseCsv(rows(100, (i) => `${i},${Math.sin(i)}`)), 'invalid_data', /fewer than one batch of 256/],
    ['threshold out of range', () => analyseCsv(rows(400, (i) => `${i},${Math.sin(i)}`), { threshold: 2 }), 'invalid_parameter', /threshold must be a number above 0 and below 1/],
    ['unknown setting', () => analyseCsv(rows(400, (i) => `${i},${Math.sin(i)}`), { config: { dropout: 0.1 } }), 'unknown_parameter', /unknown training setting 'dropout'/],
    ['latent out of range', () => analyseCsv(rows(400, (i) => `${i},${Math.sin(i)}`), { config: { latent: 0 } }), 'invalid_parameter', /latent must be an integer from 1 to 64; got 0/],
    ['bad activation', () => analyseCsv(rows(400, (i) => `${i},${Math.sin(i)}`), { config: { activation: 'swish' } }), 'invalid_parameter', /activation must be one of relu, tanh, elu, sigmoid/],
  ]
  it.each(cases)('%s', async (_name, run, code, message) => {
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(SymscopeError)
    expect((error as SymscopeError).code).toBe(code)
    expect((error as SymscopeError).message).toMatch(message)
  })
})
