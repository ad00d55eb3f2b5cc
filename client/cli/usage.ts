import { DEFAULT_THRESHOLD, MAX_ANALYSIS_EVENTS } from '../../core/analysis/limits.js'
import { datasets, describeRange, MAX_EVENTS, type DatasetSpec } from '../../core/index.js'
import { DEFAULT_VAE_CONFIG, VAE_LIMITS } from '../../core/vae/config.js'

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
  symscope analyze <file.csv | dataset> [--latent K] [--beta B] [--epochs E] [--seed S] [--out DIR]
  symscope reproduce [--out DIR] [--quick]
  symscope help [command]
  symscope --version

Commands
  generate   Make events from a built-in generator and write them as CSV (features, then truth_* columns).
  analyze    Train the VAE on a CSV file or a generated dataset; rank the latents by relevance; write a report.
  reproduce  Run the paper's experiments with this project's settings and write a summary table.
  help       Show this help, or a command's: symscope help generate

Datasets: ${Object.keys(datasets).join(', ')}   (symscope help generate lists their parameters)

Examples
  symscope generate circle --n 2000 --seed 7 --out circle.csv
  symscope generate ee_mumu --n 100000 --set sqrtS=91.19 --set z=true --out zpole.csv
  symscope generate ee_mumu --n 5 | column -s, -t
  symscope analyze circle --out circle-report
  symscope analyze data/cms/Zmumu_Run2011A.csv --from cms-dimuon --out cms

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

const range = (name: keyof typeof VAE_LIMITS) => `${VAE_LIMITS[name].min} … ${VAE_LIMITS[name].max}`

export const analyzeHelp = (): string => `symscope analyze — find how many latent directions a dataset needs, and what they follow

Usage
  symscope analyze <file.csv | dataset> [options]

Trains a variational autoencoder on the data (standardised features; constant features are dropped and reported
as exact constraints), ranks its latent directions by relevance R_i = Var[μ_i] on held-out events, measures the
intrinsic dimension of the data and of the relevant latents (TwoNN, and Gride over k = 1 … 64), correlates each
latent with the truth observables, and writes DIR/report.json, DIR/report.md and SVG figures.

Data
  <dataset>             one of ${Object.keys(datasets).join(', ')}, generated with --n, --seed, --set
  <file.csv>            a CSV with a header row: columns named truth_* are truth, the others features
  --n N                 events to generate (datasets; default 10000; analysis limit ${MAX_ANALYSIS_EVENTS.toLocaleString('en-US')})
  --set name=value      generator parameter (datasets; see symscope help generate)
  --features a,b,...    CSV columns to use as features (default: every column not named truth_*)
  --truth a,b,...       CSV columns to keep as truth (default: every truth_* column)
  --angular a,b,...     truth columns that are angles in radians (compared through cos and sin)
  --from cms-dimuon     the CSV holds pt1, eta1, phi1, Q1, pt2, eta2, phi2, Q2 of two muons (CMS open data):
                        turn them into four-vectors (μ⁻ first) with M, y and Collins–Soper angles as truth

Model (defaults from the design: MLP input → h → h → (μ, log σ²), mirrored decoder, Adam)
  --latent K            latent size (default 4 for ≤ 2 features, 8 otherwise; ${range('latent')})
  --hidden H            hidden width (default ${DEFAULT_VAE_CONFIG.hidden}; ${range('hidden')})
  --layers L            hidden layers (default ${DEFAULT_VAE_CONFIG.layers}; ${range('layers')})
  --activation A        relu, tanh, elu or sigmoid (default ${DEFAULT_VAE_CONFIG.activation})
  --linear              linear encoder and decoder, no hidden layers (the paper's toy model)
  --beta B              weight of the KL term: loss = MSE + β·KL (default ${DEFAULT_VAE_CONFIG.beta}; ${range('beta')})
  --lr R                Adam learning rate (default ${DEFAULT_VAE_CONFIG.learningRate})
  --batch B             batch size (default ${DEFAULT_VAE_CONFIG.batchSize}; needs at least this many training events)
  --epochs E            training epochs (default ${DEFAULT_VAE_CONFIG.epochs}; ${range('epochs')})
  --validation F        held-out fraction, where relevance is measured (default ${DEFAULT_VAE_CONFIG.validationSplit})
  --patience P          stop after P epochs without a better validation loss (default 0: never)
  --seed S              seeds generation, initialisation, the split, shuffling and noise (default 1)

Analysis and output
  --threshold T         a latent is relevant when R ≥ T (default ${DEFAULT_THRESHOLD})
  --backend B           trainer: fused (default: symscope's WebAssembly SIMD trainer), tfjs-wasm or tfjs-cpu;
                        the report names it and its id covers it
  --threads N           threads that share each batch of the fused trainer (default 1; at most 16): the same
                        report on any count, faster where cores are free
  --out DIR             where report.json, report.md and the figures go (default symscope-report)
  --quiet               no progress bar (it is drawn only on a terminal anyway)

Same data, settings, seed and backend ⇒ the same report, byte for byte.

Examples
  symscope analyze circle --n 4000 --epochs 40
  symscope analyze ee_mumu --set sqrtS=91.19 --set z=true --out zpole
  symscope analyze events.csv --features px1,py1,pz1 --truth truth_cosTheta --beta 0.2
  symscope analyze data/cms/Zmumu_Run2011A.csv --from cms-dimuon --out cms

${EXIT_CODES}
`

export const reproduceHelp = (): string => `symscope reproduce — the paper's experiments, with this project's settings

Usage
  symscope reproduce [--out DIR] [--quick] [--only id,id] [--cms PATH] [--seed S] [--backend B] [--threads N]

Runs, one after the other, and writes DIR/<id>/report.{json,md} with figures and DIR/summary.md:
  circle          points on a circle (the paper's D^1D, Figs. 2–4)
  disk            points in a disk (D^2D)
  ee_mumu_qed     e⁺e⁻ → μ⁺μ⁻ in QED at 10 GeV
  ee_mumu_zpole   e⁺e⁻ → μ⁺μ⁻ with γ/Z at 91.19 GeV
  drell_yan       pp → γ*/Z → μ⁺μ⁻ at 13 TeV, leading order
  linear_toy      correlated Gaussian, linear VAE: relevance against 1 − βD/(2λ)
  cms_zmumu       real CMS Z → μμ events (2011 open data), read from --cms PATH

Options
  --out DIR        output folder (default symscope-reproduce)
  --quick          fewer events and epochs: a smoke run in under 2 minutes on 2 cores (the full suite: under 10)
  --only ids       run only these experiments, comma-separated
  --cms PATH       the CMS file (default: the copy shipped in data/cms/ of the package)
  --seed S         seed for generation and training (default 1)
  --backend B      fused (default), tfjs-wasm or tfjs-cpu
  --threads N      threads for the fused trainer (default 1, at most 16; the same reports on any count)
  --quiet          no progress bars

${EXIT_CODES}
`
