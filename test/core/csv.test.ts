import { describe, expect, it } from 'vitest'
import { csvHeader, csvRows, generateEvents, readCsv, SymscopeError } from '../../core/index.js'
import { loadWasm } from '../../core/wasm/node.js'

describe('readCsv', () => {
  it('splits features from truth_* columns and keeps column order', () => {
    const table = readCsv('x1,truth_theta,x2\n1,0.5,2\n3,1.5,4\n')
    expect(table.featureNames).toEqual(['x1', 'x2'])
    expect(table.truthNames).toEqual(['truth_theta'])
    expect(table.n).toBe(2)
    expect([...table.features]).toEqual([1, 2, 3, 4])
    expect([...table.truth]).toEqual([0.5, 1.5])
  })

  it('takes explicit feature and truth lists, ignoring other columns', () => {
    const table = readCsv('Run,pt,eta,mass\n1,20,0.5,91\n2,30,-1,89\n', { features: ['pt', 'eta'], truth: ['mass'] })
    expect(table.featureNames).toEqual(['pt', 'eta'])
    expect([...table.truth]).toEqual([91, 89])
  })

  it('accepts CRLF line ends, a byte-order mark, quoted fields and blank lines', () => {
    const table = readCsv('\uFEFF"a","b"\r\n1,"2"\r\n\r\n3,4\r\n')
    expect(table.featureNames).toEqual(['a', 'b'])
    expect([...table.features]).toEqual([1, 2, 3, 4])
  })

  it('round-trips generated events bit for bit', async () => {
    const wasm = await loadWasm()
    const events = generateEvents(wasm, { dataset: 'ee_mumu', n: 500, seed: 9, params: { z: true, sqrtS: 35 } })
    const text = csvHeader(events.featureNames, events.truthNames) + csvRows(events.features, events.truth, events.n, 8, 2)
    const table = readCsv(text)
    expect(table.features).toEqual(events.features)
    expect(table.truth).toEqual(events.truth)
  })

  /** Each malformed input and the part of the message that must name the place and the problem. */
  const bad: [string, string, RegExp][] = [
    ['empty file', '', /the CSV is empty/],
    ['only blank lines', '\n\n  \n', /the CSV is empty/],
    ['header only', 'x1,x2\n', /header but no data rows/],
    ['non-numeric value', 'x1,x2\n1,2\n3,abc\n', /line 3, column 2 \('x2'\): 'abc' is not a number/],
    ['NaN', 'x1,x2\n1,NaN\n', /line 2, column 2 \('x2'\): NaN is not allowed/],
    ['infinity', 'x1,x2\nInfinity,1\n', /line 2, column 1 \('x1'\): infinite values are not allowed/],
    ['overflowing number', 'x1,x2\n1e999,1\n', /line 2, column 1 \('x1'\): '1e999' is beyond the largest double \(±1.8e308\): infinite values/],
    ['empty cell', 'x1,x2\n1,\n', /line 2, column 2 \('x2'\): empty value/],
    ['too few fields', 'x1,x2,x3\n1,2,3\n4,5\n', /line 3: 2 fields, but the header has 3/],
    ['too many fields', 'x1,x2\n1,2,3\n', /line 2: 3 fields, but the header has 2/],
    ['duplicate column', 'x1,x1\n1,2\n', /column name 'x1' appears twice/],
    ['empty column name', 'x1,,x3\n1,2,3\n', /line 1, column 2: empty column name/],
    ['only truth columns', 'truth_a,truth_b\n1,2\n', /no feature columns/],
    ['unknown feature column', 'x1,x2\n1,2\n', /feature column 'x9' is not in the header/],
    ['unterminated quote', 'x1,x2\n"1,2\n', /line 2: unterminated quoted field/],
    ['too many rows', 'x\n1\n2\n3\n', /more than 2 data rows: the limit is 2/],
  ]
  it.each(bad)('rejects %s with a message naming the problem', (name, text, message) => {
    const options = name === 'unknown feature column' ? { features: ['x9'] } : name === 'too many rows' ? { maxRows: 2 } : {}
    let error: unknown
    try {
      readCsv(text, options)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SymscopeError)
    expect((error as SymscopeError).code).toBe(name === 'too many rows' ? 'too_large' : 'invalid_csv')
    expect((error as SymscopeError).message).toMatch(message)
  })
})
