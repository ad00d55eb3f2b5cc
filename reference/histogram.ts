// Histogram by the definition: bin b holds min + b·w ≤ x < min + (b + 1)·w, x = max in the last bin.

export function histogramReference(
  values: ArrayLike<number>,
  { bins, min, max, stride = 1, offset = 0 }: { bins: number; min: number; max: number; stride?: number; offset?: number },
) {
  const counts = new Array<number>(bins).fill(0)
  let underflow = 0
  let overflow = 0
  let nan = 0
  for (let i = offset; i < values.length; i += stride) {
    const x = values[i]
    if (Number.isNaN(x)) nan++
    else if (x < min) underflow++
    else if (x > max) overflow++
    else counts[Math.min(bins - 1, Math.floor((x - min) * (bins / (max - min))))]++
  }
  return { counts, underflow, overflow, nan }
}
