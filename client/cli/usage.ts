import { datasets, describeRange, MAX_EVENTS, type DatasetSpec } from '../../core/index.js'

const formatDefault = (value: unknown) => (value === null ? 'none' : String(value))

/** One dataset's block in the help: what it is, its columns, and every parameter with default, range and meaning. */
export function describeDataset(spec: DatasetSpec<any>): string {
  const lines = [
    `  ${spec.name} — ${spec.title}`,
    ...wrap(spec.description, 70).map((l) => `      ${l}`),
    `      features: ${spec.features.join(', ')}`,
    `      truth:    ${spec.truth.join(', ')}   (degrees of freedom: ${spec.degreesOfFreedom})`,
  ]
  if (spec.parameters.length) lines.push('      parameters (--set name=value):')
  for (const p of spec.parameters) {
    lines.push(`        ${p.name.padEnd(9)} default ${formatDefault(p.default)}; ${describeRange(p)}`)
    lines.push(...wrap(p.description, 60).map((l) => `                  ${l}`))
  }
  return lines.join('\n')
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) lines.push(line), (line = '')
    line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

const EXIT_CODES = `Exit codes
  0  done
  1  internal error (a bug in symscope: please report it)
  2  bad usage: unknown command, option, dataset or parameter, or a value out of range
  3  bad input data: malformed CSV, NaN or infinite values
  4  a file could not be read or written`

export const mainHelp = (): string => `symscope — discover the symmetries and the true degrees of freedom of a dataset

A variational autoencoder trained on data with symmetries or constraints compresses it onto a few latent
directions (V. Sanz, "Learning symmetries in datasets", arXiv:2504.05174). symscope generates the paper's
datasets and analyses them.

Usage
  symscope generate <dataset> [--n N] [--seed S] [--set name=value ...] [--out FILE]
  symscope help [command]
  symscope --version

Commands
  generate   Make events from a built-in generator and write them as CSV (features, then truth_* columns).
  help       Show this help, or a command's: symscope help generate

Datasets: ${Object.keys(datasets).join(', ')}   (symscope help generate lists their parameters)

Examples
  symscope generate circle --n 2000 --seed 7 --out circle.csv
  symscope generate ee_mumu --n 100000 --set sqrtS=91.19 --set z=true --out zpole.csv
  symscope generate ee_mumu --n 5 | column -s, -t

${EXIT_CODES}
`

export const generateHelp = (): string => `symscope generate — make events from a built-in generator

Usage
  symscope generate <dataset> [--n N] [--seed S] [--set name=value ...] [--out FILE] [--no-truth] [--quiet]

Options
  --n N            number of events, 1 … ${MAX_EVENTS.toLocaleString('en-US')} (default 10000)
  --seed S         integer seed, 0 … 2^53 − 1 (default 1). Same seed and parameters ⇒ the same bytes;
                   event i depends only on (seed, i), so the first k events of a larger run are the same.
  --set name=value set a generator parameter (repeatable): numbers, true/false, or none to switch a cut off
  --out FILE       write the CSV to FILE (default: standard output). The file appears only when complete.
  --no-truth       leave out the truth_* columns
  --quiet          no progress bar (it is drawn only on a terminal anyway)
  -h, --help       this help

Output: a CSV with a header row; the feature columns, then the truth observables prefixed truth_ (kept apart
from the features by symscope analyze). Numbers are written in full double precision.

Datasets
${Object.values(datasets)
  .map((spec) => describeDataset(spec))
  .join('\n\n')}

Examples
  symscope generate disk --n 4000 --set radius=2 --out disk.csv
  symscope generate ee_mumu --n 100000 --set sqrtS=35 --set z=true --out ee35.csv

${EXIT_CODES}
`
