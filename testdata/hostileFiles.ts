// Hostile input files for the limit tests and the benchmark (issue 18), generated at run time from a seed: each is
// small on disk (a few kB to a few MB) and declares or inflates to far more than the read limits allow. What each
// one is and which limit must stop it is said by its `limit`. Nothing here is read by the code under test.
import { createDeflateRaw, createGzip, gzipSync, brotliCompressSync } from 'node:zlib'
import h5wasm from 'h5wasm'
import { parquetWriteBuffer } from 'hyparquet-writer'

/** One hostile file: its name (the ending picks the format), its bytes, and the limit that must refuse it. */
export interface HostileFile {
  name: string
  bytes: Uint8Array
  /** What it is, in words, for the test names and the benchmark table. */
  what: string
  /** Which read limit refuses it (or `symmetry budget` for a wide table that must be analysed within it). */
  limit: string
}

/** How large the bombs are: `cli` passes the CLI's limits (500 MiB inflated, 10⁶ rows), `api` the API's (16 MiB, 50,000 rows). */
export type Scale = 'cli' | 'api'

/** A small seeded generator (Park–Miller), so that every run writes the same files. */
function random(seed: number): () => number {
  let state = seed % 2147483647 || 1
  return () => (state = (state * 16807) % 2147483647) / 2147483647
}

/** `prefix`, then `chunk` repeated `times` times, deflated (gzip or raw) by a zlib stream: the input is never held whole. */
async function deflateRepeated(chunk: Uint8Array, times: number, format: 'gzip' | 'deflate-raw', prefix = new Uint8Array(0)): Promise<Uint8Array> {
  const stream = format === 'gzip' ? createGzip({ level: 9 }) : createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  stream.on('data', (part: Buffer) => out.push(part))
  const done = new Promise<void>((resolve, reject) => stream.on('end', resolve).on('error', reject))
  stream.write(prefix)
  for (let i = 0; i < times; i++) {
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve))
  }
  stream.end()
  await done
  return new Uint8Array(Buffer.concat(out))
}

const text = (s: string) => new TextEncoder().encode(s)

/** Bytes that, inflated, pass the scale's inflated-bytes limit: 520 MiB for the CLI, 24 MiB for the API. */
const bombBytes = (scale: Scale) => (scale === 'cli' ? 520 : 24) * 1024 * 1024

/** A .npy header (format 1.0) for `shape` of little-endian float64, padded to a multiple of 64 bytes. */
function npyHeader(shape: number[]): Uint8Array {
  let dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64
  dict = dict.padEnd(total - 10 - 1) + '\n'
  const header = new Uint8Array(total)
  header.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0])
  new DataView(header.buffer).setUint16(8, dict.length, true)
  header.set(text(dict), 10)
  return header
}

/** A one-member ZIP archive (APPNOTE 6.3) of deflated `data` whose directory says `size` bytes (the CRC is not checked by the reader). */
function zipOf(name: string, data: Uint8Array, size: number): Uint8Array {
  const nameBytes = text(name)
  const local = new Uint8Array(30 + nameBytes.length)
  const lv = new DataView(local.buffer)
  lv.setUint32(0, 0x04034b50, true)
  lv.setUint16(4, 20, true)
  lv.setUint16(8, 8, true)
  lv.setUint32(18, data.length, true)
  lv.setUint32(22, size, true)
  lv.setUint16(26, nameBytes.length, true)
  local.set(nameBytes, 30)
  const entry = new Uint8Array(46 + nameBytes.length)
  const ev = new DataView(entry.buffer)
  ev.setUint32(0, 0x02014b50, true)
  ev.setUint16(4, 20, true)
  ev.setUint16(6, 20, true)
  ev.setUint16(10, 8, true)
  ev.setUint32(20, data.length, true)
  ev.setUint32(24, size, true)
  ev.setUint16(28, nameBytes.length, true)
  entry.set(nameBytes, 46)
  const end = new Uint8Array(22)
  const dv = new DataView(end.buffer)
  dv.setUint32(0, 0x06054b50, true)
  dv.setUint16(8, 1, true)
  dv.setUint16(10, 1, true)
  dv.setUint32(12, entry.length, true)
  dv.setUint32(16, local.length + data.length, true)
  const out = new Uint8Array(local.length + data.length + entry.length + end.length)
  out.set(local, 0)
  out.set(data, local.length)
  out.set(entry, local.length + data.length)
  out.set(end, local.length + data.length + entry.length)
  return out
}

/**
 * A Zstandard frame (RFC 8878) of `length` zero bytes made of RLE blocks (block type 1: one byte repeated up to
 * 128 KiB), whose header declares `declared` bytes of content: what a hostile writer would send.
 */
function zstdZeros(length: number, declared = length): Uint8Array {
  const blocks = Math.max(1, Math.ceil(length / (128 * 1024)))
  const out = new Uint8Array(4 + 1 + 8 + blocks * 4)
  const view = new DataView(out.buffer)
  view.setUint32(0, 0xfd2fb528, true)
  out[4] = 0xe0 // single segment, 8-byte frame content size
  view.setBigUint64(5, BigInt(declared), true)
  let left = length
  for (let b = 0; b < blocks; b++) {
    const size = Math.min(left, 128 * 1024)
    left -= size
    const header = (b === blocks - 1 ? 1 : 0) | (1 << 1) | (size << 3)
    out[13 + 4 * b] = header & 0xff
    out[14 + 4 * b] = (header >> 8) & 0xff
    out[15 + 4 * b] = (header >> 16) & 0xff
    out[16 + 4 * b] = 0
  }
  return out
}

/** A Parquet file of one DOUBLE column of `rows` zeros, its pages compressed with `codec` (PLAIN, or dictionary-encoded). */
function parquetZeros(rows: number, codec: 'SNAPPY' | 'GZIP' | 'BROTLI' | 'ZSTD', dictionary = false): Uint8Array {
  const compressors = {
    GZIP: (input: Uint8Array) => new Uint8Array(gzipSync(input, { level: 9 })),
    BROTLI: (input: Uint8Array) => new Uint8Array(brotliCompressSync(input)),
    // Every page of this column is zeros: the frame of RLE blocks is their exact compression.
    ZSTD: (input: Uint8Array) => zstdZeros(input.length),
  }
  const data = new Float64Array(rows)
  const columnData = [{ name: 'x', data, type: 'DOUBLE' as const, ...(dictionary ? {} : { encoding: 'PLAIN' as const }) }]
  return new Uint8Array(parquetWriteBuffer({ columnData, codec, compressors, pageSize: 8 * 1024 * 1024 } as Parameters<typeof parquetWriteBuffer>[0]))
}

/** An HDF5 file (h5wasm) with a chunked dataset resized to rows × cols, never written: its values are the fill value. */
async function hdf5Fill(rows: number, cols: number): Promise<Uint8Array> {
  const module = await h5wasm.ready
  const path = `/hostile-${process.pid}-${rows}.h5`
  const file = new h5wasm.File(path, 'w')
  file.create_dataset({ name: 'events', data: new Float64Array(cols), shape: [1, cols], maxshape: [null, cols], chunks: [1024, cols] })
  ;(file.get('events') as unknown as { resize: (shape: number[]) => void }).resize([rows, cols])
  file.close()
  const bytes = module.FS.readFile(path)
  module.FS.unlink(path)
  return bytes
}

/** An LHE event line and `particles` final-state muon lines (ISTUP = 1) with momenta from `next` (or all alike). */
function lheEvent(particles: number, next: () => number): string {
  const lines = [`<event>`, `${particles} 1 1.0 91.2 0.0078 0.118`]
  for (let p = 0; p < particles; p++) {
    const [px, py, pz] = [next() * 40 - 20, next() * 40 - 20, next() * 80 - 40].map((v) => Math.round(v))
    lines.push(`13 1 0 0 0 0 ${px.toFixed(3)} ${py.toFixed(3)} ${pz.toFixed(3)} ${Math.hypot(px, py, pz, 0.106).toFixed(3)} 0.106 0 9`)
  }
  lines.push('</event>')
  return lines.join('\n')
}

const lhe = (events: string[]) => `<LesHouchesEvents version="3.0">\n<init>\n2212 2212 6500 6500 0 0 0 0 3 1\n1.0 0.0 1.0 1\n</init>\n${events.join('\n')}\n</LesHouchesEvents>\n`

/** A CSV of `rows` × `cols` values in [0, 1) (the widest table the readers accept has 1,024 columns). */
export function wideCsv(rows: number, cols: number, seed: number): string {
  const next = random(seed)
  const header = Array.from({ length: cols }, (_, j) => `x${j + 1}`).join(',')
  const body = Array.from({ length: rows }, () => Array.from({ length: cols }, () => next().toFixed(4)).join(',')).join('\n')
  return `${header}\n${body}\n`
}

/**
 * A .npy file (format 1.0) of rows × cols float64 values in [0, 1) from `seed` (Park–Miller): at 50,000 × 10 the
 * largest upload the API takes, analysed in one request (test/e2e/hostileServer.test.ts, bench/hostile.ts).
 */
export function uniformNpy(rows: number, cols: number, seed: number): Uint8Array {
  let dict = `{'descr': '<f8', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64
  dict = dict.padEnd(total - 11) + '\n'
  const out = new Uint8Array(total + rows * cols * 8)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0])
  new DataView(out.buffer).setUint16(8, dict.length, true)
  out.set(new TextEncoder().encode(dict), 10)
  const values = new Float64Array(out.buffer, total, rows * cols)
  let state = seed
  for (let i = 0; i < values.length; i++) values[i] = (state = (state * 16807) % 2147483647) / 2147483647
  return out
}

/**
 * The hostile files of one scale, from `seed`: a bomb for every codec and format, absurd declared shapes, a wide LHE
 * and a one-event-many-particles LHE, and a CSV of ±1e308.
 */
export async function hostileFiles(scale: Scale, seed = 18): Promise<HostileFile[]> {
  const next = random(seed)
  const rowsPast = scale === 'cli' ? 8_000_000 : 400_000 // past 10⁶ rows (CLI) or 50,000 (API)
  const bomb = bombBytes(scale)
  const lines = text('0,0,0,0,0,0,0,0\n'.repeat(65_536)) // 1 MiB: a stream write per MiB, not per line
  const npyBomb = npyHeader([bomb / 64, 8])
  const lheParticles = scale === 'cli' ? 1_000_000 : 200_000
  return [
    {
      name: 'bomb.csv.gz', what: `gzip CSV inflating to ${bomb / 2 ** 20} MiB`, limit: 'inflated bytes',
      bytes: await deflateRepeated(lines, bomb / lines.length, 'gzip', text('x1,x2,x3,x4,x5,x6,x7,x8\n')),
    },
    {
      name: 'bomb.npz', what: `.npz member declaring ${bomb / 2 ** 20} MiB`, limit: 'inflated bytes',
      // Refused by the size its directory declares, before a byte is inflated: the data need not be there.
      bytes: zipOf('x.npy', await deflateRepeated(npyBomb, 1, 'deflate-raw'), bomb + npyBomb.length),
    },
    {
      name: 'lying.npz', what: `.npz member declaring 1 kB, inflating to ${bomb / 2 ** 20} MiB`, limit: 'declared member size',
      bytes: zipOf('x.npy', await deflateRepeated(new Uint8Array(1 << 20), bomb >> 20, 'deflate-raw'), 1024),
    },
    { name: 'shape.npy', what: '.npy header declaring 10⁹ × 8', limit: 'rows', bytes: concat(npyHeader([1_000_000_000, 8]), new Uint8Array(64)) },
    { name: 'dictionary.parquet', what: `dictionary-encoded Parquet of ${rowsPast.toLocaleString('en-US')} rows`, limit: 'rows', bytes: parquetZeros(rowsPast, 'SNAPPY', true) },
    { name: 'gzip.parquet', what: `GZIP Parquet of ${rowsPast.toLocaleString('en-US')} rows`, limit: 'rows', bytes: parquetZeros(rowsPast, 'GZIP') },
    { name: 'brotli.parquet', what: `BROTLI Parquet of ${rowsPast.toLocaleString('en-US')} rows`, limit: 'rows', bytes: parquetZeros(rowsPast, 'BROTLI') },
    { name: 'zstd.parquet', what: `ZSTD Parquet of ${rowsPast.toLocaleString('en-US')} rows`, limit: 'rows', bytes: parquetZeros(rowsPast, 'ZSTD') },
    ...(scale === 'cli' ? [{ name: 'fill.h5', what: 'HDF5 dataspace of 5·10⁶ × 10 fill values', limit: 'rows', bytes: await hdf5Fill(5_000_000, 10) }] : []),
    {
      name: 'particles.lhe.gz', what: `LHE.gz, one event of ${lheParticles.toLocaleString('en-US')} particles`, limit: 'columns',
      bytes: new Uint8Array(gzipSync(text(lhe([lheEvent(lheParticles, () => 0.5)])), { level: 9 })),
    },
    { name: 'wide.lhe', what: 'LHE, 60 events × 2,000 particles', limit: 'columns', bytes: text(lhe(Array.from({ length: 60 }, () => lheEvent(2000, next)))) },
    { name: 'nup.lhe', what: 'LHE event declaring NUP = 10⁹', limit: 'particles per event', bytes: text(lhe([`<event>\n1000000000 1 1.0 91.2 0.0078 0.118\n</event>`])) },
    { name: 'huge.csv', what: 'CSV of ±1e308', limit: 'single precision', bytes: text(`x1,x2\n${Array.from({ length: 100 }, (_, i) => `${i % 2 ? '-' : ''}1e308,${i}`).join('\n')}\n`) },
  ]
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}
