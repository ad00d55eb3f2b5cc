/**
 * CSV text of events: a header row of feature names then truth names, one event a row.
 * Numbers are written with JavaScript's shortest round-trip form, so reading the file back gives the same f64 bits
 * and the same seed gives the same bytes.
 */
export function csvHeader(featureNames: readonly string[], truthNames: readonly string[]): string {
  return `${[...featureNames, ...truthNames].join(',')}\n`
}

/** Rows `0 … n − 1` of row-major `features` (n × nf) and `truth` (n × nt) as CSV lines, each ending in a newline. */
export function csvRows(features: ArrayLike<number>, truth: ArrayLike<number>, n: number, nf: number, nt: number): string {
  const lines = new Array<string>(n)
  const cells = new Array<number>(nf + nt)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < nf; j++) cells[j] = features[i * nf + j]
    for (let j = 0; j < nt; j++) cells[nf + j] = truth[i * nt + j]
    lines[i] = cells.join(',')
  }
  return n ? `${lines.join('\n')}\n` : ''
}
