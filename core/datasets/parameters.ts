import { SymscopeError } from '../errors.js'
import { rangeInWords } from '../rangeText.js'
import type { DatasetSpec, ParameterRelation, ParameterSpec, ParameterValues } from './types.js'

/**
 * Human-readable allowed range of a parameter, e.g. "a number above 0 and at most 100,000 (GeV)", with the bounds
 * other parameters set on it ("…, and above 2 · muonMass"). A nullable parameter is switched off with `none` (JSON
 * `null`, which the CLI, the URL and the form also accept).
 */
export function describeRange(spec: ParameterSpec, relations: readonly ParameterRelation<any>[] = []): string {
  if (spec.type === 'boolean') return 'true or false'
  const range = rangeInWords({ min: spec.minimum, max: spec.maximum, integer: spec.type === 'integer', exclusiveMin: spec.exclusiveMinimum })
  const related = relations
    .filter((r) => r.parameter === spec.name)
    .map((r) => `${r.must === 'exceed' ? 'above' : 'below'} ${r.bound}`)
  const off = spec.nullable ? ', or none (JSON null) for no cut' : ''
  return `${range}${spec.unit ? ` (${spec.unit})` : ''}${related.length ? `, and ${related.join(' and ')}` : ''}${off}`
}

/** A parameter's allowed values in the words of its dataset's help: its range and its relations to the others. */
export const describeParameter = (dataset: DatasetSpec<any>, spec: ParameterSpec): string => describeRange(spec, dataset.relations)

/** Checks a dataset's relations on resolved parameters; the first one broken throws, naming both sides' values. */
function checkRelations<P extends ParameterValues>(dataset: DatasetSpec<P>, params: P): void {
  for (const relation of dataset.relations ?? []) {
    const bound = relation.value(params)
    const value = params[relation.parameter] as number
    if (relation.must === 'exceed' ? value > bound : value < bound) continue
    const unit = dataset.parameters.find((p) => p.name === relation.parameter)?.unit
    const why = relation.why ? ` (${relation.why})` : ''
    throw new SymscopeError(
      'invalid_parameter',
      `${dataset.name}: parameter '${relation.parameter}' must ${relation.must} ${relation.bound} = ${bound}${unit ? ` ${unit}` : ''}${why}; got ${value}`,
      { parameter: relation.parameter, allowed: `${relation.must === 'exceed' ? 'above' : 'below'} ${relation.bound}` },
    )
  }
}

function invalid(dataset: string, spec: ParameterSpec, value: unknown): SymscopeError {
  return new SymscopeError(
    'invalid_parameter',
    `${dataset}: parameter '${spec.name}' must be ${describeRange(spec)}; got ${JSON.stringify(value) ?? String(value)}`,
    { parameter: spec.name, allowed: describeRange(spec) },
  )
}

/** Checks one value against its spec and returns it typed; throws SymscopeError naming the parameter and range. */
export function checkParameter(dataset: string, spec: ParameterSpec, value: unknown): number | boolean | null {
  if (value === null) {
    if (spec.nullable) return null
    throw invalid(dataset, spec, value)
  }
  if (spec.type === 'boolean') {
    if (typeof value !== 'boolean') throw invalid(dataset, spec, value)
    return value
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(dataset, spec, value)
  if (spec.type === 'integer' && !Number.isInteger(value)) throw invalid(dataset, spec, value)
  if (spec.minimum !== undefined && (spec.exclusiveMinimum ? value <= spec.minimum : value < spec.minimum)) {
    throw invalid(dataset, spec, value)
  }
  if (spec.maximum !== undefined && value > spec.maximum) throw invalid(dataset, spec, value)
  return value
}

/**
 * Validates user parameters against a dataset's schema and fills in the defaults. Unknown names, wrong types and
 * out-of-range values throw a SymscopeError that names the parameter and what is allowed.
 */
export function resolveParameters<P extends ParameterValues>(dataset: DatasetSpec<P>, given: Record<string, unknown> = {}): P {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new SymscopeError('invalid_parameter', `${dataset.name}: parameters must be an object of name → value`)
  }
  const known = new Map(dataset.parameters.map((p) => [p.name, p]))
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const names = dataset.parameters.map((p) => p.name).join(', ') || 'none'
      throw new SymscopeError('unknown_parameter', `${dataset.name}: unknown parameter '${name}' (parameters: ${names})`, {
        parameter: name,
      })
    }
  }
  const resolved: ParameterValues = {}
  for (const spec of dataset.parameters) {
    resolved[spec.name] = Object.hasOwn(given, spec.name) ? checkParameter(dataset.name, spec, given[spec.name]) : spec.default
  }
  checkRelations(dataset, resolved as P)
  return resolved as P
}
/**
 * Parses a parameter value written as text (the CLI's `--set key=value`): numbers, `true`/`false`, `none`/`null`.
 * Type and range are checked afterwards by `resolveParameters`.
 */
export function parseParameterText(text: string): number | boolean | null | string {
  const trimmed = text.trim()
  if (trimmed === 'true') return true
  if (trimmed === 'false') return false
  if (trimmed === 'none' || trimmed === 'null') return null
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed)
  return trimmed
}
