// An analysis as a URL: `/?dataset=circle&n=4000&epochs=20&seed=1&run=local` describes it and runs it when opened
// (`&betas=0.05:1:4` makes it a scan);
// `/?example=cms` takes the bundled CMS data; `/?report=<id>` opens a report stored by the server. Values stay text
// here; core checks them (the generator's parameter schema, the VAE settings) when the analysis starts.
import { BACKEND_CHOICES, type BackendChoice } from './protocol.js'

/**
 * Training settings as the URL names them (the CLI's option names), in the order they are written. `betas` (a β grid,
 * `from:to:n` or a list) and `seeds` (training seeds per β) make the run a scan, as `symscope scan --beta --seeds`;
 * `threads` is the fused trainer's thread count in this browser (the report is the same on any).
 */
export const SETTING_KEYS = ['epochs', 'seed', 'latent', 'beta', 'threshold', 'hidden', 'layers', 'activation', 'batch', 'lr', 'patience', 'betas', 'seeds', 'threads'] as const
export type SettingKey = (typeof SETTING_KEYS)[number]

export type RunWhere = 'local' | 'server'

/** Bundled examples, by their URL name. */
export const EXAMPLES = ['cms'] as const
export type ExampleName = (typeof EXAMPLES)[number]

export type SourceState =
  | { kind: 'generator'; dataset: string; n: string; params: Record<string, string> }
  | { kind: 'example'; example: ExampleName }

export interface AnalysisState {
  source: SourceState
  settings: Partial<Record<SettingKey, string>>
  run: RunWhere
  backend: BackendChoice
}

export type UrlState =
  | { kind: 'analysis'; state: AnalysisState }
  | { kind: 'report'; id: string }
  | { kind: 'scan'; id: string }
  | { kind: 'none' }
  | { kind: 'invalid'; message: string }

/** Names that are not generator parameters; every other name in an analysis URL is one (core rejects unknown ones). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['dataset', 'example', 'n', 'run', 'backend', 'report', 'scan', ...SETTING_KEYS])

const REPORT_ID = /^[0-9a-f]{64}$/

/** Reads a location's query string. An empty query is `none`; a malformed one is `invalid` with the reason. */
export function parseUrlState(search: string): UrlState {
  const query = new URLSearchParams(search)
  const report = query.get('report')
  if (report !== null) {
    return REPORT_ID.test(report) ? { kind: 'report', id: report } : { kind: 'invalid', message: `report: an id is 64 lowercase hexadecimal digits; got '${report.slice(0, 80)}'` }
  }
  const scan = query.get('scan')
  if (scan !== null) {
    return REPORT_ID.test(scan) ? { kind: 'scan', id: scan } : { kind: 'invalid', message: `scan: an id is 64 lowercase hexadecimal digits; got '${scan.slice(0, 80)}'` }
  }
  const dataset = query.get('dataset')
  const example = query.get('example')
  if (dataset === null && example === null) return { kind: 'none' }
  if (dataset !== null && example !== null) return { kind: 'invalid', message: 'give either dataset or example, not both' }

  const run = query.get('run') ?? 'local'
  if (run !== 'local' && run !== 'server') return { kind: 'invalid', message: `run must be local or server; got '${run}'` }
  const backend = query.get('backend') ?? 'auto'
  if (!(BACKEND_CHOICES as readonly string[]).includes(backend)) return { kind: 'invalid', message: `backend must be one of ${BACKEND_CHOICES.join(', ')}; got '${backend}'` }

  const settings: Partial<Record<SettingKey, string>> = {}
  for (const key of SETTING_KEYS) {
    const value = query.get(key)
    if (value !== null) settings[key] = value
  }
  let source: SourceState
  if (example !== null) {
    if (!(EXAMPLES as readonly string[]).includes(example)) return { kind: 'invalid', message: `example must be one of ${EXAMPLES.join(', ')}; got '${example}'` }
    source = { kind: 'example', example: example as ExampleName }
  } else {
    const params: Record<string, string> = {}
    for (const [key, value] of query) if (!RESERVED_KEYS.has(key)) params[key] = value
    source = { kind: 'generator', dataset: dataset!, n: query.get('n') ?? '', params }
  }
  return { kind: 'analysis', state: { source, settings, run, backend: backend as BackendChoice } }
}

/** The query string (with `?`) that describes an analysis; empty settings are left out, `backend=auto` too. */
export function analysisSearch(state: AnalysisState): string {
  const query = new URLSearchParams()
  if (state.source.kind === 'generator') {
    query.set('dataset', state.source.dataset)
    if (state.source.n !== '') query.set('n', state.source.n)
    for (const [key, value] of Object.entries(state.source.params)) if (value !== '') query.set(key, value)
  } else {
    query.set('example', state.source.example)
  }
  for (const key of SETTING_KEYS) {
    const value = state.settings[key]
    if (value !== undefined && value !== '') query.set(key, value)
  }
  query.set('run', state.run)
  if (state.backend !== 'auto') query.set('backend', state.backend)
  return `?${query}`
}

/** The query string of a stored report. */
export const reportSearch = (id: string): string => `?report=${id}`

/** The query string of a stored scan. */
export const scanSearch = (id: string): string => `?scan=${id}`
