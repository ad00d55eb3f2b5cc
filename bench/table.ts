/** One table of a benchmark: both sides of a comparison measured in the same process run, and their ratio. */
export interface BenchTable {
  title: string
  /** What is compared and how (sizes, repetitions), one or two sentences. */
  description: string
  columns: string[]
  rows: (string | number)[][]
  notes?: string[]
}

/** A benchmark module exports `run`, returning its tables; it prints nothing itself and asserts nothing. */
export type Bench = () => Promise<BenchTable[]>

/** Median of repeated timings (ms): robust against a noisy, shared machine. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid])
}

/** Runs `fn` `warmup` times untimed, then `repeats` times, and returns the median wall time in ms. */
export async function timeMedian(fn: () => unknown, repeats = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < repeats; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

export function formatTable(table: BenchTable): string {
  const cell = (v: string | number) => (typeof v === 'number' ? formatNumber(v) : v)
  const lines = [
    `### ${table.title}`,
    '',
    table.description,
    '',
    `| ${table.columns.join(' | ')} |`,
    `| ${table.columns.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ]
  if (table.notes?.length) lines.push('', ...table.notes.map((n) => `- ${n}`))
  return lines.join('\n')
}

function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v)
  const a = Math.abs(v)
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)} M`
  if (a >= 1000) return Math.round(v).toLocaleString('en-US')
  if (a >= 10) return v.toFixed(1)
  return v.toFixed(2)
}
