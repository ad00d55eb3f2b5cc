import { DurableObject } from 'cloudflare:workers'
import { isSymscopeError } from '../../core/index.js'
import { symmetriesOf } from '../../core/analysis/index.js'
import type { Symmetries } from '../../core/index.js'
import { deserializeTrainingState, serializeTrainingState } from '../../core/vae/index.js'
import { loadWasm } from '../../core/wasm/workerd.js'
import { prepareRequest, type AnalysisSubmission } from '../analysis/prepare.js'
import { trainSlice, yieldToEventLoop } from '../analysis/train.js'
import { ApiError } from '../errors.js'
import { limitsOf, type LimitVariables } from '../limits.js'
import { storeReport, type ReportStore } from '../reports.js'
import type { AnalysisRequest, JobStatus } from '../schemas/analysis.js'
import { deleteChunks, getBytes, getText, putBytes, putText } from './chunkedStorage.js'

/** The bindings a job uses (a part of `Env`, named here so that env.ts may name this class without a cycle). */
type JobBindings = ReportStore & LimitVariables

/** How long a finished or failed job keeps its status before the object clears its storage. */
const KEEP_FINISHED_MS = 24 * 60 * 60 * 1000

/** The job's record in storage; the CSV text and the training state sit beside it in chunks. */
interface JobRecord {
  id: string
  status: JobStatus['status']
  /** The validated request, its CSV text moved to the `csv` chunks, an upload's bytes to the `upload` chunks. */
  request: AnalysisRequest & { upload?: Omit<NonNullable<AnalysisSubmission['upload']>, 'bytes'> }
  csvChunks: number
  uploadChunks?: number
  stateChunks: number
  /** The symmetry section, computed from the data in the first slice and aligned with the latents in the last. */
  symmetryChunks?: number
  steps: number
  totalSteps: number
  slices: number
  largestSliceSteps: number
  stepBudget: number
  error?: { code: string; message: string }
}

const statusOf = (job: JobRecord): JobStatus => ({
  id: job.id,
  status: job.status,
  progress: { steps: job.steps, totalSteps: job.totalSteps },
  slices: job.slices,
  largestSliceSteps: job.largestSliceSteps,
  stepBudget: job.stepBudget,
  ...(job.error ? { error: job.error } : {}),
})

/**
 * One analysis too large for a request, trained in slices (SQLite-backed Durable Object, one per report id).
 * `submit` stores the request and sets an alarm; each alarm re-derives the input from the request (deterministic:
 * the same events or CSV, the same id), restores the training state, trains at most the step budget, stores the
 * state and sets the next alarm. The last slice builds the report and stores it in R2, where `GET /analyses/{id}`
 * finds it. A training continued from its state is the training that never stopped (core/vae/train.ts).
 */
export class AnalysisJob extends DurableObject<JobBindings> {
  #slicing = false

  /** Starts the job (or restarts a failed one); a job already queued, running or done is left as it is. */
  async submit(id: string, request: AnalysisSubmission, plan: { totalSteps: number; stepBudget: number }): Promise<JobStatus> {
    const existing = await this.ctx.storage.get<JobRecord>('job')
    if (existing && existing.status !== 'failed') return statusOf(existing)
    if (existing) await this.#clear(existing)
    const { csv, ...source } = request.dataset
    const csvChunks = csv === undefined ? 0 : await putText(this.ctx.storage, 'csv', csv)
    const { upload, ...rest } = request
    const uploadChunks = upload ? await putBytes(this.ctx.storage, 'upload', upload.bytes) : 0
    const job: JobRecord = {
      id,
      status: 'queued',
      request: { ...rest, dataset: source, ...(upload ? { upload: { format: upload.format, columns: upload.columns } } : {}) },
      csvChunks,
      uploadChunks,
      stateChunks: 0,
      steps: 0,
      totalSteps: plan.totalSteps,
      slices: 0,
      largestSliceSteps: 0,
      stepBudget: plan.stepBudget,
    }
    await this.ctx.storage.put('job', job)
    await this.ctx.storage.setAlarm(Date.now() + limitsOf(this.env).jobSliceDelayMs)
    return statusOf(job)
  }

  /** The job's status, or null when no job was ever submitted here. */
  async status(): Promise<JobStatus | null> {
    const job = await this.ctx.storage.get<JobRecord>('job')
    return job ? statusOf(job) : null
  }

  /** One slice of training; or, once the job has finished long enough ago, clearing its storage. */
  override async alarm(): Promise<void> {
    const job = await this.ctx.storage.get<JobRecord>('job')
    if (!job) return
    if (job.status === 'done' || job.status === 'failed') return void (await this.ctx.storage.deleteAll())
    if (this.#slicing) return // runDurableObjectAlarm in a test can meet a scheduled alarm
    this.#slicing = true
    try {
      await this.#slice(job)
    } catch (error) {
      job.status = 'failed'
      job.error = isSymscopeError(error) || error instanceof ApiError ? { code: error.code, message: error.message } : { code: 'internal', message: 'internal error' }
      if (job.error.code === 'internal') console.error('symscope worker: job slice failed', error)
      await this.#clearData(job)
      await this.ctx.storage.put('job', job)
      await this.ctx.storage.setAlarm(Date.now() + KEEP_FINISHED_MS)
    } finally {
      this.#slicing = false
    }
  }

  async #slice(job: JobRecord): Promise<void> {
    const wasm = await loadWasm()
    const { upload, ...stored } = job.request
    const request: AnalysisSubmission = job.csvChunks
      ? { ...stored, dataset: { ...stored.dataset, csv: await getText(this.ctx.storage, 'csv', job.csvChunks) } }
      : upload
        ? { ...stored, upload: { ...upload, bytes: await getBytes(this.ctx.storage, 'upload', job.uploadChunks ?? 0) } }
        : stored
    const prepared = await prepareRequest(wasm, request)
    if (prepared.id !== job.id) throw new Error(`job ${job.id}: its input now prepares as ${prepared.id} (a different symscope version?)`)
    const resume = job.stateChunks ? deserializeTrainingState(await getBytes(this.ctx.storage, 'state', job.stateChunks)) : undefined
    if (job.status === 'queued') {
      job.status = 'running'
      await this.ctx.storage.put('job', job)
    }
    const symmetries = await this.#symmetries(job, () => symmetriesOf(wasm, prepared, yieldToEventLoop))
    const slice = await trainSlice(wasm, prepared, job.stepBudget, resume, symmetries)
    job.slices++
    job.steps = slice.steps
    job.largestSliceSteps = Math.max(job.largestSliceSteps, slice.stepsThisSlice)
    if (slice.report) {
      await storeReport(this.env, job.id, JSON.stringify(slice.report))
      job.status = 'done'
      job.totalSteps = slice.steps // early stopping may end before the planned steps
      await this.#clearData(job)
      await this.ctx.storage.put('job', job)
      await this.ctx.storage.setAlarm(Date.now() + KEEP_FINISHED_MS)
      return
    }
    // The state has the same size after every slice of one job, so each write replaces the last one's chunks.
    job.stateChunks = await putBytes(this.ctx.storage, 'state', serializeTrainingState(slice.state!))
    await this.ctx.storage.put('job', job)
    await this.ctx.storage.setAlarm(Date.now() + limitsOf(this.env).jobSliceDelayMs)
  }

  /** The job's symmetry section: computed and kept in its first slice (it needs only the data), read back after. */
  async #symmetries(job: JobRecord, compute: () => Promise<Symmetries>): Promise<Symmetries> {
    if (job.symmetryChunks) return JSON.parse(await getText(this.ctx.storage, 'symmetries', job.symmetryChunks)) as Symmetries
    const section = await compute()
    job.symmetryChunks = await putText(this.ctx.storage, 'symmetries', JSON.stringify(section))
    await this.ctx.storage.put('job', job)
    return section
  }

  /** Drops the CSV, the training state and the symmetry section; the record stays for status. */
  async #clearData(job: JobRecord): Promise<void> {
    await deleteChunks(this.ctx.storage, 'csv', job.csvChunks)
    await deleteChunks(this.ctx.storage, 'upload', job.uploadChunks ?? 0)
    await deleteChunks(this.ctx.storage, 'state', job.stateChunks)
    await deleteChunks(this.ctx.storage, 'symmetries', job.symmetryChunks ?? 0)
    job.symmetryChunks = 0
    job.csvChunks = 0
    job.uploadChunks = 0
    job.stateChunks = 0
  }

  async #clear(job: JobRecord): Promise<void> {
    await this.#clearData(job)
    await this.ctx.storage.delete('job')
  }
}
