// Independent writers for the reader tests: each file is written here from its format's specification (or by
// another library), never by the code under test. The .npy and Parquet writers, which the worker tests use too,
// are in plainWriters.ts (no Node modules: they run inside workerd).
import { deflateRawSync } from 'node:zlib'
import h5wasm from 'h5wasm'
export { npyBytes, parquetBytes } from './plainWriters.js'

/** CRC-32 (ISO 3309, the ZIP checksum), bit by bit. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** A ZIP archive by PKWARE's APPNOTE: local headers, a central directory, the end record; deflated with node:zlib. */
export function zipBytes(members: { name: string; bytes: Uint8Array }[], deflate = false): Uint8Array {
  const parts: Uint8Array[] = []
  const directory: Uint8Array[] = []
  let offset = 0
  for (const { name, bytes } of members) {
    const nameBytes = new TextEncoder().encode(name)
    const data = deflate ? new Uint8Array(deflateRawSync(bytes)) : bytes
    const crc = crc32(bytes)
    const local = new Uint8Array(30 + nameBytes.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true)
    lv.setUint16(8, deflate ? 8 : 0, true)
    lv.setUint32(14, crc, true)
    lv.setUint32(18, data.length, true)
    lv.setUint32(22, bytes.length, true)
    lv.setUint16(26, nameBytes.length, true)
    local.set(nameBytes, 30)
    const entry = new Uint8Array(46 + nameBytes.length)
    const ev = new DataView(entry.buffer)
    ev.setUint32(0, 0x02014b50, true)
    ev.setUint16(4, 20, true)
    ev.setUint16(6, 20, true)
    ev.setUint16(10, deflate ? 8 : 0, true)
    ev.setUint32(16, crc, true)
    ev.setUint32(20, data.length, true)
    ev.setUint32(24, bytes.length, true)
    ev.setUint16(28, nameBytes.length, true)
    ev.setUint32(42, offset, true)
    entry.set(nameBytes, 46)
    parts.push(local, data)
    directory.push(entry)
    offset += local.length + data.length
  }
  const directorySize = directory.reduce((s, d) => s + d.length, 0)
  const end = new Uint8Array(22)
  const dv = new DataView(end.buffer)
  dv.setUint32(0, 0x06054b50, true)
  dv.setUint16(8, members.length, true)
  dv.setUint16(10, members.length, true)
  dv.setUint32(12, directorySize, true)
  dv.setUint32(16, offset, true)
  const all = [...parts, ...directory, end]
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0))
  let at = 0
  for (const p of all) out.set(p, at), (at += p.length)
  return out
}

/** An HDF5 file written by h5wasm: `build` creates datasets and groups in it; returns the file's bytes. */
export async function hdf5Bytes(build: (file: InstanceType<typeof h5wasm.File>) => void): Promise<Uint8Array> {
  const { FS } = await h5wasm.ready
  const path = `/writer-${Math.random().toString(36).slice(2)}.h5`
  const file = new h5wasm.File(path, 'w')
  build(file)
  file.close()
  const bytes = FS!.readFile(path)
  FS!.unlink(path)
  return bytes
}

/** A particle line of an LHE event: IDUP ISTUP MOTHUP(2) ICOLUP(2) PUP(5) VTIMUP SPINUP. */
export const lheParticle = (id: number, status: number, [e, px, py, pz, m]: number[], mothers = [0, 0]) =>
  ` ${id} ${status} ${mothers[0]} ${mothers[1]} 0 0 ${px} ${py} ${pz} ${e} ${m} 0 9`

/**
 * An LHE file (hep-ph/0609017, version 3.0 tags): e⁺e⁻ → Z → μ⁻μ⁺ events, the beams as status −1, the Z as status 2
 * and the two muons as status 1. Each event is [μ⁻, μ⁺] as (E, px, py, pz, m); weights and scales per event.
 */
export function lheText(events: { muons: number[][]; weight?: number; scale?: number; process?: number }[]): string {
  const blocks = events.map(({ muons, weight = 1.5e-3, scale = 91.1876, process = 1 }) => {
    const [minus, plus] = muons
    const total = minus.map((v, i) => v + plus[i])
    const half = total[0] / 2
    return [
      '<event>',
      ` 5 ${process} ${weight} ${scale} 7.8e-3 0.118`,
      lheParticle(11, -1, [half, 0, 0, half, 0]),
      lheParticle(-11, -1, [half, 0, 0, -half, 0]),
      lheParticle(23, 2, [total[0], total[1], total[2], total[3], 91.1876], [1, 2]),
      lheParticle(13, 1, minus, [3, 3]),
      lheParticle(-13, 1, plus, [3, 3]),
      '# a comment line, as generators write',
      '</event>',
    ].join('\n')
  })
  return ['<LesHouchesEvents version="3.0">', '<header>', '<MGVersion>3.5.0</MGVersion>', '</header>', '<init>', ' 11 -11 45.6 45.6 0 0 0 0 3 1', ' 1.5 0.01 1.5e-3 1', '</init>', ...blocks, '</LesHouchesEvents>', ''].join('\n')
}
