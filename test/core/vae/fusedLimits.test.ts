// The fused trainer's one named limit: its working memory (MAX_TRAINER_BYTES), refused with a clear error before
// anything is allocated.
import { describe, expect, it } from 'vitest'
import { isSymscopeError } from '../../../core/index.js'
import { FusedVae, MAX_TRAINER_BYTES, trainerBytes } from '../../../core/vae/fused/network.js'
import { resolveVaeConfig } from '../../../core/vae/index.js'
import { loadWasm } from '../../../core/wasm/node.js'

describe('the fused trainer working memory', () => {
  it('counts the default network at batch 256 as well under the limit, and refuses the largest settings', async () => {
    const wasm = await loadWasm()
    const small = resolveVaeConfig({}, 8)
    // 6 dense layers (8 → 64 → 64 → 16, 8 → 64 → 64 → 8); activations and their gradients dominate: 2 · 256 · (64 · 4 + 16 + 8) floats.
    expect(trainerBytes(wasm, small, 8, 256)).toBeGreaterThan(4 * 2 * 256 * (4 * 64 + 16 + 8))
    expect(trainerBytes(wasm, small, 8, 256)).toBeLessThan(2 * 1024 ** 2)
    // What vaeCreate really takes: the heap grows by about that much (the allocator adds a few bytes).
    const before = wasm.exports.memory.buffer.byteLength
    const big = resolveVaeConfig({ hidden: 1024, layers: 3, batchSize: 4096 }, 8)
    const vae = new FusedVae(wasm, big, 8, big.batchSize)
    const grown = wasm.exports.memory.buffer.byteLength - before
    vae.dispose()
    expect(grown).toBeGreaterThanOrEqual(trainerBytes(wasm, big, 8, 4096) - 64 * 1024) // memory grows in 64 KiB pages
    expect(grown).toBeLessThan(2 * trainerBytes(wasm, big, 8, 4096))
    const huge = resolveVaeConfig({ batchSize: 65_536, hidden: 1024, layers: 6 }, 8)
    expect(trainerBytes(wasm, huge, 8, 65_536)).toBeGreaterThan(MAX_TRAINER_BYTES)
    let error: unknown
    try {
      new FusedVae(wasm, huge, 8, huge.batchSize)
    } catch (caught) {
      error = caught
    }
    expect(isSymscopeError(error) && error.code).toBe('too_large')
    expect((error as Error).message).toMatch(/batch of 65536 with hidden width 1024 .* GiB .* limit is 2 GiB/)
  })
})
