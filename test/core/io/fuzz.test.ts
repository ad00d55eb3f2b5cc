// Broken files of every format: truncated, bytes flipped, wrong types, missing datasets. Each either reads or fails
// with core's SymscopeError in one line naming the file; nothing else escapes (the CLI turns that into exit 3, the
// API into a 4xx: test/client/cliInputs.test.ts, test/worker/uploads.test.ts).
import { describe, expect, it } from 'vitest'
import { readColumnTable, SymscopeError, type ReadOptions } from '../../../core/index.js'
import { mulberry32 } from '../../../testdata/random.js'
import { hdf5Bytes, lheText, npyBytes, parquetBytes, zipBytes } from './writers.js'

const n = 40
const values = Array.from({ length: 3 * n }, (_, i) => Math.sin(i) * 10)
const column = (j: number) => Array.from({ length: n }, (_, i) => values[3 * i + j])

const samples: Record<string, () => Promise<{ name: string; bytes: Uint8Array; options?: ReadOptions }>> = {
  npy: async () => ({ name: 'a.npy', bytes: npyBytes(values, [n, 3], '<f8') }),
  npz: async () => ({ name: 'a.npz', bytes: zipBytes([0, 1, 2].map((j) => ({ name: `c${j}.npy`, bytes: npyBytes(column(j), [n], '<f8') })), true) }),
  parquet: async () => ({ name: 'a.parquet', bytes: parquetBytes({ a: column(0), b: column(1), truth_c: column(2) }) }),
  lhe: async () => ({
    name: 'a.lhe',
    bytes: new TextEncoder().encode(lheText(Array.from({ length: 4 }, (_, i) => ({ muons: [[40 + i, 1, 2, 3, 0.1], [41 + i, -1, -2, -3, 0.1]] })))),
  }),
  hdf5: async () => ({
    name: 'a.h5',
    bytes: await hdf5Bytes((f) => f.create_dataset({ name: 'events', data: Float64Array.from(values), shape: [n, 3] })),
    options: { dataset: '/events' },
  }),
  csv: async () => ({ name: 'a.csv', bytes: new TextEncoder().encode(`a,b,c\n${column(0).map((v, i) => `${v},${column(1)[i]},${column(2)[i]}`).join('\n')}\n`) }),
}

/** Reads, and returns the error if any: it must be a one-line SymscopeError naming the file. */
async function readOrError(name: string, bytes: Uint8Array, options?: ReadOptions): Promise<SymscopeError | undefined> {
  try {
    await readColumnTable(bytes, name, options)
    return undefined
  } catch (error) {
    expect(error, `${name}: ${String(error)}`).toBeInstanceOf(SymscopeError)
    const message = (error as Error).message
    expect(message).not.toContain('\n')
    expect(message.length).toBeLessThan(400)
    return error as SymscopeError
  }
}

describe.each(Object.keys(samples))('%s reader on broken files', (format) => {
  it('reads the intact file', async () => {
    const { name, bytes, options } = await samples[format]()
    expect(await readOrError(name, bytes, options)).toBeUndefined()
  })

  it('fails in one line, or reads, for every truncation and for flipped bytes', async () => {
    const { name, bytes, options } = await samples[format]()
    const next = mulberry32(7)
    let failures = 0
    const lengths = [0, 1, 4, 8, 11, ...Array.from({ length: 24 }, (_, k) => Math.floor((bytes.length * (k + 1)) / 25))]
    for (const length of lengths) if (await readOrError(name, bytes.slice(0, length), options)) failures++
    for (let k = 0; k < 40; k++) {
      const broken = bytes.slice()
      for (let flips = 0; flips < 1 + (k % 3); flips++) broken[Math.floor(next() * broken.length)] ^= 1 + Math.floor(next() * 255)
      if (await readOrError(name, broken, options)) failures++
    }
    // Truncation to nothing and to a few bytes always fails; a flip may land in padding and still read.
    expect(failures).toBeGreaterThanOrEqual(5)
  })
})

describe('wrong types and missing datasets', () => {
  const cases: [string, () => Promise<[string, Uint8Array, ReadOptions?]>, RegExp][] = [
    ['a complex .npy dtype', async () => ['z.npy', latin1("\x93NUMPY\x01\x00\x36\x00{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }          \n")], /dtype '<c16' \(complex numbers\) is not numeric/],
    ['a string Parquet column named as a feature', async () => ['s.parquet', new Uint8Array(await stringParquet()), { features: ['x', 'label'] }], /s.parquet: column 'label' is not numeric/],
    ['a missing HDF5 dataset', async () => ['m.h5', (await samples.hdf5()).bytes, { dataset: '/jets' }], /m.h5: no dataset \/jets/],
    ['a string HDF5 dataset', async () => ['t.h5', await hdf5Bytes((f) => f.create_dataset({ name: 'names', data: ['a', 'b'] })), { dataset: 'names' }], /not a numeric or compound dataset/],
    ['a missing .npz array', async () => ['m.npz', (await samples.npz()).bytes, { dataset: 'x' }], /no array 'x'/],
    ['an LHE event without particles', async () => ['e.lhe', new TextEncoder().encode('<LesHouchesEvents version="1.0">\n<event>\n 0 1 1 91 0 0\n</event>\n</LesHouchesEvents>\n')], /event 1 \(line 2\): NUP = 0/],
    ['--particles on a CSV', async () => ['a.csv', (await samples.csv()).bytes, { particles: ['mu-'] }], /--particles applies to LHE files/],
  ]
  it.each(cases)('%s', async (_name, make, message) => {
    const [name, bytes, options] = await make()
    const error = await readOrError(name, bytes, options)
    expect(error?.message).toMatch(message)
  })
})

/** Bytes of a string whose characters are all below 256, one byte each. */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

async function stringParquet(): Promise<ArrayBuffer> {
  const { parquetWriteBuffer } = await import('hyparquet-writer')
  return parquetWriteBuffer({ columnData: [{ name: 'x', data: [1, 2], type: 'DOUBLE' }, { name: 'label', data: ['a', 'b'], type: 'STRING' }] })
}

it('refuses a file over the size limit by its size, before reading it', async () => {
  const { MAX_INPUT_BYTES } = await import('../../../core/index.js')
  // A view that claims MAX_INPUT_BYTES + 1 bytes without holding them: only its length is looked at.
  const huge = { byteLength: MAX_INPUT_BYTES + 1 } as Uint8Array
  await expect(readColumnTable(huge, 'big.parquet')).rejects.toThrow(`big.parquet: ${MAX_INPUT_BYTES + 1} bytes; the limit is ${MAX_INPUT_BYTES}`)
})
