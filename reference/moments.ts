// Plain double loops in f64: the references the wasm moment kernels are tested against.

export function columnMeansReference(data: ArrayLike<number>, rows: number, cols: number): number[] {
  const means = new Array<number>(cols).fill(0)
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) means[j] += data[i * cols + j]
  return means.map((sum) => sum / rows)
}

export function covarianceReference(data: ArrayLike<number>, rows: number, cols: number): number[][] {
  const means = columnMeansReference(data, rows, cols)
  const out = Array.from({ length: cols }, () => new Array<number>(cols).fill(0))
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      for (let k = 0; k < cols; k++) {
        out[j][k] += (data[i * cols + j] - means[j]) * (data[i * cols + k] - means[k])
      }
    }
  }
  return out.map((row) => row.map((sum) => sum / rows))
}

export function columnVariancesReference(data: ArrayLike<number>, rows: number, cols: number): number[] {
  return covarianceReference(data, rows, cols).map((row, j) => row[j])
}

/** Standardised kept columns (row-major) and the dropped column indices; a column is dropped when its sd is 0. */
export function standardiseReference(data: ArrayLike<number>, rows: number, cols: number) {
  const means = columnMeansReference(data, rows, cols)
  const scales = columnVariancesReference(data, rows, cols).map(Math.sqrt)
  const columns = scales.flatMap((scale, j) => (scale > 0 ? [j] : []))
  const dropped = scales.flatMap((scale, j) => (scale > 0 ? [] : [j]))
  const out: number[] = []
  for (let i = 0; i < rows; i++) for (const j of columns) out.push((data[i * cols + j] - means[j]) / scales[j])
  return { data: out, columns, dropped, means, scales }
}
