// Correlations by their definitions: Pearson's r, and distance correlation with the full n × n distance matrices
// double-centred explicitly (Székely, Rizzo and Bakirov 2007, eq. 2.8–2.10).

export function pearsonReference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length
  let meanX = 0
  let meanY = 0
  for (let i = 0; i < n; i++) {
    meanX += x[i] / n
    meanY += y[i] / n
  }
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - meanX) * (y[i] - meanY)
    sxx += (x[i] - meanX) ** 2
    syy += (y[i] - meanY) ** 2
  }
  return sxy / Math.sqrt(sxx * syy)
}

function centredDistances(values: ArrayLike<number>, n: number, columns: number): number[][] {
  const a = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      let sum = 0
      for (let c = 0; c < columns; c++) sum += (values[i * columns + c] - values[j * columns + c]) ** 2
      return Math.sqrt(sum)
    }),
  )
  const rowMeans = a.map((row) => row.reduce((s, v) => s + v, 0) / n)
  const grand = rowMeans.reduce((s, v) => s + v, 0) / n
  return a.map((row, i) => row.map((v, j) => v - rowMeans[i] - rowMeans[j] + grand))
}

export function distanceCorrelationReference(x: ArrayLike<number>, y: ArrayLike<number>, xColumns = 1, yColumns = 1): number {
  const n = y.length / yColumns
  const A = centredDistances(x, n, xColumns)
  const B = centredDistances(y, n, yColumns)
  let ab = 0
  let aa = 0
  let bb = 0
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      ab += A[i][j] * B[i][j]
      aa += A[i][j] ** 2
      bb += B[i][j] ** 2
    }
  }
  return Math.sqrt(ab / Math.sqrt(aa * bb))
}
