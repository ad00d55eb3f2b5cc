import { describe, expect, it } from 'vitest'
import { readColumnTable, readLhe, readNpy, SymscopeError } from '../../../core/index.js'
import { hdf5Bytes, lheParticle, lheText, npyBytes, parquetBytes, zipBytes } from './writers.js'

const TABLE = [1.5, -2, 3.25, 4, 5, 6e-7] // 3 rows × 2 columns, row-major

describe('readNpy (NumPy .npy, header written by hand from the format specification)', () => {
  it.each([
    ['<f8', false],
    ['<f8', true],
    ['>f8', false],
    ['<f4', true],
  ] as const)('reads %s in %s order the same as row-major values', (descr, fortran) => {
    const array = readNpy(npyBytes(TABLE, [3, 2], descr, fortran), 'a.npy')
    expect([array.rows, array.cols]).toEqual([3, 2])
    expect([...array.values]).toEqual(descr === '<f4' ? TABLE.map(Math.fround) : TABLE)
  })

  it('reads integers and a 1-D array as one column', () => {
    expect([...readNpy(npyBytes([1, -2, 3, 4], [2, 2], '<i4'), 'i.npy').values]).toEqual([1, -2, 3, 4])
    expect([...readNpy(npyBytes([7, 8, 9], [3], '<i8'), 'i.npy').values]).toEqual([7, 8, 9])
    expect(readNpy(npyBytes([7, 8, 9], [3], '|u1'), 'u.npy').cols).toBe(1)
  })

  it('names columns by --columns or c0 … cN', async () => {
    const bytes = npyBytes(TABLE, [3, 2], '<f8')
    expect((await readColumnTable(bytes, 'a.npy')).table.featureNames).toEqual(['c0', 'c1'])
    const named = await readColumnTable(bytes, 'a.npy', { columns: ['x', 'truth_t'] })
    expect(named.table.featureNames).toEqual(['x'])
    expect([...named.table.truth]).toEqual([-2, 4, 6e-7])
    await expect(readColumnTable(bytes, 'a.npy', { columns: ['x'] })).rejects.toThrow(/--columns names 1 columns; the array has 2/)
  })

  it('refuses structured dtypes, 3-D arrays and NaN by name', () => {
    const structured = npyBytes(TABLE, [3, 2], '<f8')
    const text = new TextDecoder('latin1').decode(structured).replace("'<f8'", "[('a','<f8')]".slice(0, 4))
    expect(() => readNpy(new Uint8Array([...text].map((c) => c.charCodeAt(0))), 's.npy')).toThrow(SymscopeError)
    expect(() => readNpy(npyBytes([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2], '<f8'), 'c.npy')).toThrow(/a 3-D array/)
    expect(() => readNpy(npyBytes([1, Number.NaN], [2], '<f8'), 'n.npy')).toThrow(/n.npy: row 2, column 1: NaN is not allowed/)
  })
})

describe('readNpz (a ZIP of .npy members, written by hand from APPNOTE)', () => {
  const px = npyBytes([1, 2, 3], [3], '<f8')
  const truth = npyBytes([0.1, 0.2, 0.3], [3], '<f8')
  it.each([false, true])('reads 1-D members as named columns (deflated: %s)', async (deflate) => {
    const { table } = await readColumnTable(zipBytes([{ name: 'px.npy', bytes: px }, { name: 'truth_t.npy', bytes: truth }], deflate), 'e.npz')
    expect(table.featureNames).toEqual(['px'])
    expect(table.truthNames).toEqual(['truth_t'])
    expect([...table.features]).toEqual([1, 2, 3])
  })
  it('reads one 2-D member, or the one --dataset names', async () => {
    const archive = zipBytes([{ name: 'events.npy', bytes: npyBytes(TABLE, [3, 2], '<f8') }, { name: 'px.npy', bytes: px }])
    expect([...(await readColumnTable(archive, 'e.npz', { dataset: 'events' })).table.features]).toEqual(TABLE)
    await expect(readColumnTable(archive, 'e.npz')).rejects.toThrow(/array 'events' is 3 × 2/)
    await expect(readColumnTable(archive, 'e.npz', { dataset: 'nope' })).rejects.toThrow(/no array 'nope' \(arrays: events, px\)/)
  })
})

describe('readParquet (files written by hyparquet-writer)', () => {
  it('reads numeric columns with the truth_ convention and column selection', async () => {
    const bytes = parquetBytes({ x1: [1, 2, 3], x2: [4, 5, 6], truth_t: [7, 8, 9] })
    const { table, format } = await readColumnTable(bytes, 'p.parquet')
    expect(format).toBe('parquet')
    expect(table.featureNames).toEqual(['x1', 'x2'])
    expect([...table.features]).toEqual([1, 4, 2, 5, 3, 6])
    expect([...table.truth]).toEqual([7, 8, 9])
    const picked = await readColumnTable(bytes, 'p.parquet', { features: ['x2'], truth: [] })
    expect([...picked.table.features]).toEqual([4, 5, 6])
    await expect(readColumnTable(bytes, 'p.parquet', { features: ['y'] })).rejects.toThrow(/column 'y' is not in the file \(columns: x1, x2, truth_t\)/)
  })
  it('reads float and integer columns, and finds the format by its first bytes', async () => {
    expect([...(await readColumnTable(parquetBytes({ a: [1, 2] }, 'INT32'), 'no-extension')).table.features]).toEqual([1, 2])
    expect([...(await readColumnTable(parquetBytes({ a: [0.1, 2] }, 'FLOAT'), 'f.parquet')).table.features]).toEqual([Math.fround(0.1), 2])
  })
})

describe('readLhe (a hand-written file of two events)', () => {
  const muMinus = [45.1, 10.5, -20.25, 38.75, 0.1056583755]
  const muPlus = [46.2, -10.5, 20.25, -40.5, 0.1056583755]
  const text = lheText([{ muons: [muMinus, muPlus] }, { muons: [muPlus.map((v, i) => (i === 0 || i === 4 ? v : -v)), muMinus.map((v, i) => (i === 0 || i === 4 ? v : -v))], scale: 88 }])

  it('keeps only the final-state muons (not the Z, not the beams), μ⁻ first, and reads the weights', () => {
    const events = readLhe(text, 'z.lhe')
    expect(events.n).toBe(2)
    expect(events.names).toEqual(['E1', 'px1', 'py1', 'pz1', 'E2', 'px2', 'py2', 'pz2'])
    expect([...events.values.subarray(0, 8)]).toEqual([...muMinus.slice(0, 4), ...muPlus.slice(0, 4)])
    expect([...events.weights]).toEqual([1.5e-3, 1.5e-3])
    expect([...events.scales]).toEqual([91.1876, 88])
  })

  it('selects particles by name or PDG id, in the order given, with masses on request', () => {
    const byName = readLhe(text, 'z.lhe', { particles: ['mu+', 'mu-'], mass: true })
    expect(byName.names).toEqual(['E1', 'px1', 'py1', 'pz1', 'm1', 'E2', 'px2', 'py2', 'pz2', 'm2'])
    expect([...byName.values.subarray(0, 5)]).toEqual(muPlus)
    expect([...readLhe(text, 'z.lhe', { particles: ['-13'] }).values.subarray(0, 4)]).toEqual(muPlus.slice(0, 4))
    expect(() => readLhe(text, 'z.lhe', { particles: ['e-'] })).toThrow(/event 1 \(line \d+\): no final-state particle with id 11/)
    expect(() => readLhe(text, 'z.lhe', { particles: ['muon'] })).toThrow(/'muon' is not a PDG id or a particle name/)
  })

  it('gives the scale as truth where it varies, and refuses unequal weights unless told to ignore them', async () => {
    const { table, notes } = await readColumnTable(text, 'z.lhe')
    expect(table.truthNames).toEqual(['truth_scale'])
    expect(notes).toEqual({ eventWeight: 1.5e-3, processId: 1 })
    const weighted = lheText([{ muons: [muMinus, muPlus], weight: 1 }, { muons: [muMinus, muPlus], weight: 2 }])
    await expect(readColumnTable(weighted, 'w.lhe')).rejects.toThrow(/w.lhe: event 2 has weight 2, event 1 1: the analysis trains on unweighted events/)
    expect((await readColumnTable(weighted, 'w.lhe', { weights: 'ignore' })).notes).toMatchObject({ weightsIgnored: true })
  })

  it('names the event and line of a broken particle line, and a missing end tag', () => {
    const broken = text.replace(lheParticle(-13, 1, muPlus, [3, 3]), ' -13 1 3 3 0 0 oops')
    expect(() => readLhe(broken, 'b.lhe')).toThrow(/b.lhe: event 1 \(line \d+\), line \d+: particle line has 7 fields, expected 13/)
    expect(() => readLhe(text.replace('</LesHouchesEvents>', ''), 't.lhe')).toThrow(/truncated after event 2/)
    expect(() => readLhe('<html></html>', 'x.lhe')).toThrow(/not a Les Houches Event File/)
  })
})

describe('readHdf5 (files written by h5wasm)', () => {
  it('reads a 2-D dataset by path, named by --columns', async () => {
    const bytes = await hdf5Bytes((f) => {
      f.create_group('data')
      f.create_dataset({ name: 'data/events', data: Float64Array.from(TABLE), shape: [3, 2] })
      f.create_dataset({ name: 'other', data: new Float32Array([1, 2]), shape: [2] })
    })
    const { table } = await readColumnTable(bytes, 'a.h5', { dataset: '/data/events', columns: ['a', 'b'] })
    expect(table.featureNames).toEqual(['a', 'b'])
    expect([...table.features]).toEqual(TABLE)
    await expect(readColumnTable(bytes, 'a.h5')).rejects.toThrow(/holds 2 datasets \(\/data\/events, \/other\): choose one with --dataset/)
    await expect(readColumnTable(bytes, 'a.h5', { dataset: '/events' })).rejects.toThrow(/no dataset \/events \(datasets: \/data\/events, \/other\)/)
  })

  it('reads a compound dataset field by field, integers included', async () => {
    const bytes = await hdf5Bytes((f) => {
      f.create_dataset({
        name: 'events',
        data: new Map<string, ArrayLike<number>>([['px', Float64Array.from([1, 2, 3])], ['truth_label', Int32Array.from([0, 1, 0])]]) as never,
        shape: [3],
        dtype: [['px', '<d'], ['truth_label', '<i']] as never,
      })
    })
    const { table } = await readColumnTable(bytes, 'c.hdf5')
    expect(table.featureNames).toEqual(['px'])
    expect([...table.truth]).toEqual([0, 1, 0])
  })

  it("reads pandas' fixed layout with the frame's column names", async () => {
    const bytes = await hdf5Bytes((f) => {
      f.create_group('df')
      f.create_dataset({ name: 'df/axis0', data: ['x', 'y'] })
      f.create_dataset({ name: 'df/block0_items', data: ['x', 'y'] })
      f.create_dataset({ name: 'df/block0_values', data: Float64Array.from(TABLE), shape: [3, 2] })
    })
    const { table } = await readColumnTable(bytes, 'frame.h5', { dataset: 'df' })
    expect(table.featureNames).toEqual(['x', 'y'])
    expect([...table.features]).toEqual(TABLE)
  })

  it('says what is wrong with a file that is not HDF5, in one line', async () => {
    const error = await readColumnTable(new Uint8Array([0x89, 0x48, 0x44, 0x46, 0, 0, 0, 0, 1, 2, 3]), 'bad.h5').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SymscopeError)
    expect((error as Error).message).toMatch(/^bad.h5: not a readable HDF5 file \(.+\)$/)
    expect((error as Error).message).not.toContain('\n')
  })
})
