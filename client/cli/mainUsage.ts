// `symscope --help`: the usage every command shares and the exit codes, apart from usage.ts's per-command help so
// that the main help loads only the dataset registry, not the analysis, scan and VAE entrances those need.
import { datasets } from '../../core/datasets/index.js'

export const EXIT_CODES = `Exit codes
  0  done
  1  internal error (a bug in symscope: please report it)
  2  bad usage: unknown command, option, dataset or parameter, or a value out of range
  3  bad input data: a malformed file, NaN or infinite values, a file past a read limit (rows, columns, bytes)
  4  a file could not be read or written`

export const mainHelp = (): string => `symscope — discover the symmetries and the true degrees of freedom of a dataset

A variational autoencoder trained on data with symmetries or constraints compresses it onto a few latent
directions (V. Sanz, "Learning symmetries in datasets", arXiv:2504.05174). symscope generates the paper's
datasets and analyses them.

Usage
  symscope generate <dataset> [--n N] [--seed S] [--set name=value ...] [--out FILE]
  symscope analyze <file | dataset> [--latent K] [--beta B] [--epochs E] [--seed S] [--out DIR]
  symscope reproduce [--out DIR] [--quick]
  symscope scan <file | dataset> --beta FROM:TO:N [--seeds N] [--jobs N] [--out DIR]
  symscope help [command]
  symscope --version

Commands
  generate   Make events from a built-in generator and write them as CSV, .npy or Parquet.
  analyze    Train the VAE on a data file (CSV, .npy, Parquet, LHE, HDF5…) or a generated dataset; write a report.
  reproduce  Run the paper's experiments with this project's settings and write a summary table.
  scan       Analyse over a grid of β and training seeds in parallel: the staircase, and where each latent collapses.
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
