import { SymscopeError } from '../errors.js'
import { circle } from './circle.js'
import { disk } from './disk.js'
import { drellYan } from './drellYan.js'
import { eeMumu } from './eeMumu.js'
import { gaussian } from './gaussian.js'
import type { DatasetSpec, ParameterValues } from './types.js'

/** Every generator symscope ships, by name. */
export const datasets: Readonly<Record<string, DatasetSpec<any>>> = Object.freeze({
  [circle.name]: circle,
  [disk.name]: disk,
  [eeMumu.name]: eeMumu,
  [drellYan.name]: drellYan,
  [gaussian.name]: gaussian,
})

export const datasetNames = (): string[] => Object.keys(datasets)

/** The dataset called `name`; throws SymscopeError('unknown_dataset') listing the known names. */
export function getDataset(name: string): DatasetSpec<ParameterValues> {
  const spec = Object.hasOwn(datasets, name) ? datasets[name] : undefined
  if (!spec) {
    throw new SymscopeError('unknown_dataset', `unknown dataset '${name}' (datasets: ${datasetNames().join(', ')})`, {
      dataset: name,
    })
  }
  return spec
}
