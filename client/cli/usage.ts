import { DEFAULT_THRESHOLD, MAX_ANALYSIS_EVENTS } from '../../core/analysis/index.js'
import { INPUT_FORMATS, MAX_INPUT_BYTES } from '../../core/io/index.js'
import { datasets, describeParameter, MAX_EVENTS, type DatasetSpec } from '../../core/datasets/index.js'
import { availableParallelism } from 'node:os'
import { MAX_GRID_BETAS, MAX_GRID_LATENTS, MAX_SCAN_POINTS, MAX_SCAN_SEEDS } from '../../core/scan/index.js'
import { DEFAULT_VAE_CONFIG, VAE_LIMITS } from '../../core/vae/index.js'
import { EXIT_CODES } from './mainUsage.js'
import { MAX_JOBS } from './scanPool.js'

export { mainHelp } from './mainUsage.js'

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
    lines.push(`        ${p.name.padEnd(9)} default ${formatDefault(p.default)}; ${describeParameter(spec, p)}`)
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

export const generateHelp = (): string => `symscope generate — make events from a built-in generator

Usage
  symscope generate <dataset> [--n N] [--seed S] [--set name=value ...] [--out FILE] [--format F] [--no-truth] [--quiet]

Options
  --n N            number of events, 1 … ${MAX_EVENTS.toLocaleString('en-US')} (default 10000)
  --seed S         integer seed, 0 … 2^53 − 1 (default 1). Same seed and parameters ⇒ the same bytes;
                   event i depends only on (seed, i), so the first k events of a larger run are the same.
  --set name=value set a generator parameter (repeatable): numbers, true/false, or none to switch a cut off
  --out FILE       write the events to FILE (default: standard output). The file appears only when complete.
  --format F       csv (default), npy (a float64 n × columns array, C order: features then truth, no names; read
                   it back with analyze --columns) or parquet (DOUBLE columns named as in the CSV, built in
                   memory); default from the --out file's ending
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
  symscope analyze <file | dataset> [options]

Trains a variational autoencoder on the data (standardised features; constant features are dropped and reported
as exact constraints), ranks its latent directions by relevance R_i = Var[μ_i] on held-out events, measures the
intrinsic dimension of the data and of the relevant latents (TwoNN, and Gride over k = 1 … 64), correlates each
latent with the truth observables, and writes DIR/report.json, DIR/report.md and SVG figures.

Data
  <dataset>             one of ${Object.keys(datasets).join(', ')}, generated with --n, --seed, --set
  <file>                a data file: CSV (.csv), NumPy (.npy, .npz), Parquet (.parquet), Les Houches events (.lhe),
                        HDF5 (.h5, .hdf5); by its ending, else its first bytes; .gz files are inflated first.
                        Columns named truth_* are truth, the others features. At most ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes
  --format F            read the file as ${INPUT_FORMATS.join(', ')} whatever its name
  --n N                 events to generate (datasets; default 10000; analysis limit ${MAX_ANALYSIS_EVENTS.toLocaleString('en-US')})
  --set name=value      generator parameter (datasets; see symscope help generate)
  --features a,b,...    columns to use as features (default: every column not named truth_*)
  --truth a,b,...       columns to keep as truth (default: every truth_* column)
  --angular a,b,...     truth columns that are angles in radians (compared through cos and sin)
  --columns a,b,...     names of an unnamed array's columns (.npy, .npz, 2-D HDF5; default c0, c1, …)
  --dataset PATH        the HDF5 dataset (/events) or .npz array to read (default: the only one)
  --particles a,b,...   LHE: final-state particles to keep, by PDG id or name (mu-,mu+; a name twice takes the two
                        of highest p_T); default every final-state particle, by |id|, particle before antiparticle,
                        then decreasing p_T. Each gives E, px, py, pz (GeV) as features E1, px1, …
  --mass                LHE: add each particle's mass m1, m2, … as a feature
  --weights uniform|ignore  LHE event weights: uniform (default) refuses events of unequal or negative weight (the
                        analysis trains on unweighted events); ignore reads them as unweighted
  --from cms-dilepton   the table holds pt1, eta1, phi1, Q1, pt2, eta2, phi2, Q2 of two leptons (CMS open data):
                        four-vectors (negative lepton first, with the lepton's own mass) with M, y and Collins–Soper
                        angles as truth. --lepton e|mu says which (else read off a Zee / Zmumu file name);
                        cms-dimuon and cms-dielectron fix it

Model (defaults from the design: MLP input → h → h → (μ, log σ²), mirrored decoder, Adam)
  --latent K            latent size (default 4 for ≤ 2 features, 8 otherwise; ${range('latent')})
  --hidden H            hidden width (default ${DEFAULT_VAE_CONFIG.hidden}; ${range('hidden')})
  --layers L            hidden layers (default ${DEFAULT_VAE_CONFIG.layers}; ${range('layers')})
  --activation A        relu, tanh, elu or sigmoid (default ${DEFAULT_VAE_CONFIG.activation})
  --linear              linear encoder and decoder, no hidden layers (the paper's toy model)
  --beta B              weight of the KL term: loss = MSE + β·KL (default ${DEFAULT_VAE_CONFIG.beta}; ${range('beta')})
  --lr R                Adam learning rate (default ${DEFAULT_VAE_CONFIG.learningRate})
  --batch B             batch size (default ${DEFAULT_VAE_CONFIG.batchSize}; needs at least this many training events)
  --samples S           most training samples (default ${DEFAULT_VAE_CONFIG.samples.toLocaleString('en-US')}, at any n; ${range('samples')});
                        training stops earlier once the relevances, their count and the loss have converged
                        (docs/method.md); a run that reaches the cap first reports its count as undetermined
  --epochs E            most epochs, a cap like --samples (default ${DEFAULT_VAE_CONFIG.epochs}; ${range('epochs')})
  --validation F        held-out fraction, where relevance is measured (default ${DEFAULT_VAE_CONFIG.validationSplit})
  --patience P          stop after P epochs without a better validation loss (default 0: never)
  --seed S              seeds generation, initialisation, the split, shuffling and noise (default 1)

Analysis and output
  --threshold T         a latent is relevant when R ≥ T (default ${DEFAULT_THRESHOLD})
  --backend B           trainer: fused (default: symscope's WebAssembly SIMD trainer), tfjs-wasm or tfjs-cpu;
                        the report names it and its id covers it
  --threads N           threads that share each batch of the fused trainer (default 1; at most 16): the same
                        report on any count, faster where cores are free
  --out DIR             where report.json, report.md and the figures go (default symscope-report); a new folder,
                        written whole or not at all: an existing non-empty one is refused
  --force               replace an existing --out folder (once the new report is complete)
  --quiet               no progress bar (it is drawn only on a terminal anyway)

Same data, settings, seed and backend ⇒ the same report, byte for byte.

Examples
  symscope analyze circle --n 4000 --epochs 40
  symscope analyze ee_mumu --set sqrtS=91.19 --set z=true --out zpole
  symscope analyze events.csv --features px1,py1,pz1 --truth truth_cosTheta --beta 0.2
  symscope analyze data/cms/Zmumu_Run2011A.csv --from cms-dimuon --out cms
  symscope analyze events.parquet --truth truth_cosTheta
  symscope analyze unweighted_events.lhe --particles mu-,mu+
  symscope analyze jets.h5 --dataset /table --truth is_signal_new

${EXIT_CODES}
`

export const reproduceHelp = (): string => `symscope reproduce — the paper's experiments, with this project's settings

Usage
  symscope reproduce [--out DIR] [--force] [--quick] [--only id,id] [--cms PATH] [--seed S] [--backend B] [--threads N]

Runs, one after the other, and writes DIR/<id>/report.{json,md} with figures and DIR/summary.md:
  circle          points on a circle (the paper's D^1D, Figs. 2–4)
  disk            points in a disk (D^2D)
  ee_mumu_qed     e⁺e⁻ → μ⁺μ⁻ in QED at 10 GeV
  ee_mumu_zpole   e⁺e⁻ → μ⁺μ⁻ with γ/Z at 91.19 GeV
  drell_yan       pp → γ*/Z → μ⁺μ⁻ at 13 TeV, leading order
  linear_toy      correlated Gaussian, linear VAE: relevance against 1 − βD/(2λ)
  cms_zmumu       real CMS Z → μμ events (2011 open data), read from --cms PATH

Options
  --out DIR        output folder (default symscope-reproduce); a new folder, written whole when every experiment
                   has run: an existing non-empty one is refused
  --force          replace an existing --out folder (once the new one is complete)
  --quick          fewer events and epochs: a smoke run in under 2 minutes on 2 cores (the full suite: under 10)
  --only ids       run only these experiments, comma-separated
  --cms PATH       the CMS file (default: the copy shipped in data/cms/ of the package)
  --seed S         seed for generation and training (default 1)
  --backend B      fused (default), tfjs-wasm or tfjs-cpu
  --threads N      threads for the fused trainer (default 1, at most 16; the same reports on any count)
  --quiet          no progress bars

${EXIT_CODES}
`

export const scanHelp = (): string => `symscope scan — how the answer changes with β and the training seed

Usage
  symscope scan <file | dataset> --beta GRID [--seeds N] [--latent K,K,...] [--jobs N] [options]

Runs a full analysis (as symscope analyze) at every point of a grid of β × training seeds × latent sizes, on a
pool of worker threads, and writes DIR/scan.json, DIR/scan.md and SVG figures: the relevance of each rank against
β with bands across seeds (latents switching off one by one), the relevant count and the intrinsic dimension of
the relevant latents against β, and the β where each latent collapses; with --linear the linear toy model's
R_k = 1 − βD/(2λ_k) is drawn over the measurements. Each point's full report is kept in the cache under its report
id: a point already computed is never trained again, and a scan that overlaps an earlier one trains only the new
points.

Grid
  --beta GRID           from:to:n, n log-spaced values (e.g. 0.01:3:12), or a list (0.1,0.2,0.5); every β > 0
                        and ≤ ${VAE_LIMITS.beta.max}; at most ${MAX_GRID_BETAS} values
  --seeds N             training seeds S, S + 1, …, S + N − 1 with S = --seed (default 1 seed; at most ${MAX_SCAN_SEEDS})
  --latent K,K,...      latent sizes (default: analyze's default; at most ${MAX_GRID_LATENTS} sizes)
                        At most ${MAX_SCAN_POINTS} points (β × seeds × latent sizes) in one scan.
  --seed S              seeds the generated data and the first training seed (default 1)

Run and output
  --jobs N              worker threads (default one per core: ${availableParallelism()} here; 1 … ${MAX_JOBS}).
                        The same scan gives the same scan.json for any number of jobs.
  --cache DIR           where each point's report goes, DIR/<report id>/ (default OUT/points)
  --out DIR             where scan.json, scan.md and the figures go (default symscope-scan); a new folder, or
                        one holding only this scan's unfinished points/, written whole or not at all
  --force               replace an existing --out folder (its points/ cache is kept)
  --quiet               no progress bar (it is drawn only on a terminal anyway)

Data, model and analysis options are analyze's (symscope help analyze), except --beta, --seed and --latent,
which come from the grid: --n, --set, --features, --truth, --angular, --from, --hidden, --layers, --activation,
--linear, --lr, --batch, --epochs, --validation, --patience, --threshold, --backend.

Examples
  symscope scan circle --beta 0.01:3:12 --seeds 5 --n 4000 --epochs 40
  symscope scan gaussian --linear --latent 3 --beta 0.03:2:8 --n 100000 --epochs 60 --lr 0.01 --batch 1024 --validation 0.5

${EXIT_CODES}
`
