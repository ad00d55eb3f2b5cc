// The analysis form: the generator's fields built from the dataset registry's parameter schemas, the training
// settings with the documented defaults, and where to run. It reads into and writes from an AnalysisState, the same
// value the URL carries.
import { datasets, describeParameter, getDataset, type DatasetSpec, type ParameterSpec } from '../../../core/datasets/index.js'
import { h } from '../../element/dom.js'
import { DEFAULT_EVENTS, SETTING_DEFAULTS } from './analysisSpec.js'
import type { BackendChoice } from './protocol.js'
import { SETTING_KEYS, type AnalysisState, type SettingKey } from './urlState.js'

export type SourceKind = 'generator' | 'csv' | 'example'

/** The dataset shown first. */
export const DEFAULT_DATASET = 'circle'

const byId = <T = HTMLElement>(id: string): T => {
  const element = document.getElementById(id)
  if (!element) throw new Error(`the page has no #${id}`)
  return element as unknown as T
}

/** The text a parameter's default shows as ('none' for a null default). */
const defaultText = (spec: ParameterSpec): string => (spec.default === null ? '' : String(spec.default))

/** One field for one generator parameter: a checkbox for booleans, a number input otherwise (empty = none). */
function parameterField(dataset: DatasetSpec<any>, spec: ParameterSpec): HTMLElement {
  const id = `param-${spec.name}`
  const hintId = `${id}-hint`
  const unit = spec.unit ? ` (${spec.unit})` : ''
  const hint = h('p', { id: hintId, class: 'hint' }, `${spec.description} Allowed: ${describeParameter(dataset, spec)}.`)
  if (spec.type === 'boolean') {
    const box = h('input', { id, type: 'checkbox', 'data-param': spec.name, 'aria-describedby': hintId, checked: spec.default === true })
    return h('div', { class: 'field checkbox' }, h('label', { for: id }, box, ` ${spec.name}`), hint)
  }
  const input = h('input', {
    id,
    type: 'number',
    inputmode: spec.type === 'integer' ? 'numeric' : 'decimal',
    step: spec.type === 'integer' ? 1 : 'any',
    min: spec.minimum,
    max: spec.maximum,
    placeholder: spec.nullable ? 'none' : null,
    value: defaultText(spec),
    'data-param': spec.name,
    'aria-describedby': hintId,
  })
  return h('div', { class: 'field' }, h('label', { for: id }, `${spec.name}${unit}`), input, hint)
}

export class AnalysisForm {
  readonly form = byId<HTMLFormElement>('analysis-form')
  readonly #dataset = byId<HTMLSelectElement>('dataset')
  readonly #parameters = byId<HTMLElement>('dataset-parameters')
  readonly #description = byId<HTMLElement>('dataset-description')
  readonly #n = byId<HTMLInputElement>('n')
  readonly #backend = byId<HTMLSelectElement>('backend-choice')

  constructor() {
    for (const spec of Object.values(datasets)) this.#dataset.appendChild(h('option', { value: spec.name }, `${spec.title} (${spec.name})`))
    this.#dataset.value = DEFAULT_DATASET
    this.#dataset.addEventListener('change', () => this.#showParameters(this.#dataset.value))
    this.#showParameters(DEFAULT_DATASET)
    this.#n.value = String(DEFAULT_EVENTS)
    for (const key of SETTING_KEYS) {
      const input = this.#setting(key)
      if (input && SETTING_DEFAULTS[key] !== undefined) input.value = SETTING_DEFAULTS[key]!
    }
    for (const radio of this.#radios('source')) radio.addEventListener('change', () => this.#showSource())
    this.#showSource()
  }

  #radios(name: string): HTMLInputElement[] {
    return Array.from(this.form.querySelectorAll<HTMLInputElement>(`input[type=radio][name=${name}]`))
  }

  #setting(key: SettingKey): HTMLInputElement | HTMLSelectElement | null {
    return this.form.querySelector(`[name="${key}"]`) as HTMLInputElement | HTMLSelectElement | null
  }

  #showParameters(name: string): void {
    const spec = getDataset(name)
    this.#description.textContent = `${spec.description} Features: ${spec.features.join(', ')}; truth: ${spec.truth.join(', ')}; ${spec.degreesOfFreedom} degree${spec.degreesOfFreedom === 1 ? '' : 's'} of freedom.`
    this.#parameters.replaceChildren(...spec.parameters.map((p) => parameterField(spec, p)))
  }

  #showSource(): void {
    const kind = this.sourceKind
    for (const k of ['generator', 'csv', 'example'] as const) byId(`source-${k}`).hidden = k !== kind
  }

  get sourceKind(): SourceKind {
    return (this.#radios('source').find((r) => r.checked)?.value ?? 'generator') as SourceKind
  }

  set sourceKind(kind: SourceKind) {
    for (const radio of this.#radios('source')) radio.checked = radio.value === kind
    this.#showSource()
  }

  get run(): 'local' | 'server' {
    return this.#radios('run').find((r) => r.checked)?.value === 'server' ? 'server' : 'local'
  }

  /** The form as an analysis state; parameters and settings equal to their defaults are left out (shorter URLs). */
  read(): AnalysisState {
    const settings: AnalysisState['settings'] = {}
    for (const key of SETTING_KEYS) {
      const value = this.#setting(key)?.value.trim() ?? ''
      if (value !== '' && (value !== SETTING_DEFAULTS[key] || key === 'epochs' || key === 'seed')) settings[key] = value
    }
    const run = this.run
    const backend = this.#backend.value as BackendChoice
    if (this.sourceKind === 'example') return { source: { kind: 'example', example: 'cms' }, settings, run, backend }
    const spec = getDataset(this.#dataset.value)
    const params: Record<string, string> = {}
    for (const p of spec.parameters) {
      const input = this.#parameters.querySelector<HTMLInputElement>(`[data-param="${p.name}"]`)
      if (!input) continue
      const text = p.type === 'boolean' ? String(input.checked) : input.value.trim() === '' ? (p.nullable ? 'none' : '') : input.value.trim()
      const unchanged = p.type === 'boolean' ? text === String(p.default) : text === defaultText(p) || (p.default === null && text === 'none')
      if (!unchanged) params[p.name] = text
    }
    return { source: { kind: 'generator', dataset: spec.name, n: this.#n.value.trim(), params }, settings, run, backend }
  }

  /** Shows a state (from the URL) in the form. An unknown dataset is left for the run to report. */
  write(state: AnalysisState): void {
    this.sourceKind = state.source.kind === 'example' ? 'example' : 'generator'
    if (state.source.kind === 'generator' && Object.hasOwn(datasets, state.source.dataset)) {
      this.#dataset.value = state.source.dataset
      this.#showParameters(state.source.dataset)
      this.#n.value = state.source.n || String(DEFAULT_EVENTS)
      for (const [name, value] of Object.entries(state.source.params)) {
        const input = this.#parameters.querySelector<HTMLInputElement>(`[data-param="${name}"]`)
        if (!input) continue
        if (input.type === 'checkbox') input.checked = value === 'true'
        else input.value = value === 'none' || value === 'null' ? '' : value
      }
    }
    for (const key of SETTING_KEYS) {
      const input = this.#setting(key)
      if (input) input.value = state.settings[key] ?? SETTING_DEFAULTS[key] ?? ''
    }
    for (const radio of this.#radios('run')) radio.checked = radio.value === state.run
    this.#backend.value = state.backend
  }
}
