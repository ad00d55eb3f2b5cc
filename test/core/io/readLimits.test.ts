// Every reader holds to its read limits while reading (issue 18): on random shapes drawn from a seed, a table exactly
// at a limit is read and one past it is refused with too_large naming the limit, for each limit and each format.
// The limits are set small here so that the boundary is cheap to reach; the hostile-file suites run the real ones.
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { readColumnTable, type ReadLimits } from '../../../core/io/index.js'
import { npyBytes, parquetBytes, zipBytes } from './writers.js'

const random = (seed: number) => {
  let state = seed
  return () => (state = (state * 16807) % 2147483647) / 2147483647
}

/** A table of rows × cols values from `next`, as CSV text and as each binary format. */
function tableFiles(rows: number, cols: number, next: () => number): Record<string, Uint8Array> {
  const values = Array.from({ length: rows * cols }, () => Math.round(next() * 1000) / 100)
  const names = Array.from({ length: cols }, (_, j) => `x${j + 1}`)
  const csv = `${names.join(',')}\n${Array.from({ length: rows }, (_, r) => values.slice(r * cols, (r + 1) * cols).join(',')).join('\n')}\n`
  const npy = npyBytes(values, [rows, cols], '<f8')
  const columns = Object.fromEntries(names.map((name, j) => [name, Array.from({ length: rows }, (_, r) => values[r * cols + j])]))
  return {
    'a.csv': new TextEncoder().encode(csv),
    'a.csv.gz': new Uint8Array(gzipSync(csv)),
    'a.npy': npy,
    'a.npz': zipBytes([{ name: 'a.npy', bytes: npy }], true),
    'a.parquet': parquetBytes(columns),
  }
}

async function outcome(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<string> {
  try {
    const { table } = await readColumnTable(bytes, name, { maxRows: limits.maxRows, limits })
    return `read ${table.n}`
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`
  }
}

const LOOSE: ReadLimits = { maxBytes: 1 << 24, maxRows: 1 << 20, maxColumns: 1024, maxCells: 1 << 24 }

describe('read limits at their boundary', () => {
  const next = random(1818)
  const shapes = Array.from({ length: 6 }, () => [60 + Math.floor(next() * 200), 2 + Math.floor(next() * 6)] as const)

  it.each(shapes)('a %i × %i table: read at each limit, refused one past it, in every format', async (rows, cols) => {
    const files = tableFiles(rows, cols, next)
    for (const [name, bytes] of Object.entries(files)) {
      expect(await outcome(bytes, name, { ...LOOSE, maxRows: rows })).toBe(`read ${rows}`)
      expect(await outcome(bytes, name, { ...LOOSE, maxRows: rows - 1 })).toMatch(new RegExp(`^too_large: .*${name === 'a.csv' || name === 'a.csv.gz' ? `more than ${rows - 1} data rows` : `${rows} rows; the limit is ${rows - 1}`}`))
      expect(await outcome(bytes, name, { ...LOOSE, maxCells: rows * cols })).toBe(`read ${rows}`)
      expect(await outcome(bytes, name, { ...LOOSE, maxCells: rows * cols - 1 })).toMatch(/^too_large: .*the limit is/)
      expect(await outcome(bytes, name, { ...LOOSE, maxColumns: cols - 1 })).toMatch(/^too_large: .*columns/)
    }
    // Inflation stops at the byte limit: the gzip CSV and the deflated .npz member.
    const csvBytes = files['a.csv'].length
    expect(await outcome(files['a.csv.gz'], 'a.csv.gz', { ...LOOSE, maxBytes: csvBytes })).toBe(`read ${rows}`)
    expect(await outcome(files['a.csv.gz'], 'a.csv.gz', { ...LOOSE, maxBytes: csvBytes - 1 })).toMatch(new RegExp(`^too_large: a.csv.gz: the data inflates to more than ${(csvBytes - 1).toLocaleString('en-US')} bytes`))
    expect(await outcome(files['a.npz'], 'a.npz', { ...LOOSE, maxBytes: files['a.npy'].length - 1 })).toMatch(/^too_large: a\.npz: member 'a\.npy' holds/)
  })

  it('reads an LHE file to its column limit and refuses one particle more, naming the event', async () => {
    const event = (particles: number) =>
      `<event>\n${particles} 1 1.0 91.2 0.0078 0.118\n${Array.from({ length: particles }, (_, p) => `13 1 0 0 0 0 ${p + 1} 2 3 40 0.106 0 9`).join('\n')}\n</event>`
    const file = (particles: number) => new TextEncoder().encode(`<LesHouchesEvents version="3.0">\n${Array.from({ length: 3 }, () => event(particles)).join('\n')}\n</LesHouchesEvents>\n`)
    expect(await outcome(file(5), 'a.lhe', { ...LOOSE, maxColumns: 20 })).toBe('read 3')
    expect(await outcome(file(6), 'a.lhe', { ...LOOSE, maxColumns: 20 })).toMatch(/^too_large: a\.lhe: event 1 \(line 2\): more than 5 final-state particles make more than 20 columns/)
    expect(await outcome(file(5), 'a.lhe', { ...LOOSE, maxRows: 2 })).toMatch(/^too_large: a\.lhe: at event 3 \(line \d+\): 3 rows; the limit is 2/)
  })
})
