// Whether this browser offers a real WebGPU adapter, asked without loading tfjs: the analysis worker decides from it
// whether to train with tfjs's WebGPU backend or with the fused WebAssembly trainer.
/** The parts of WebGPU's adapter this file reads (typed here: TypeScript's DOM library has no WebGPU yet). */
interface AdapterInfo {
  vendor?: string
  architecture?: string
  description?: string
  isFallbackAdapter?: boolean
}
interface Adapter {
  info?: AdapterInfo
  isFallbackAdapter?: boolean
  requestAdapterInfo?: () => Promise<AdapterInfo>
}
interface Gpu {
  requestAdapter(options?: { powerPreference?: string }): Promise<Adapter | null>
}

/** Software rasterisers that report themselves as ordinary adapters in some browsers. */
const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i

/** What WebGPU offers here: no adapter (and why), or an adapter that is real hardware or a software fallback. */
export type WebgpuAdapter = { found: false; reason: string } | { found: true; software: boolean; name: string }

/**
 * The WebGPU adapter this browser offers, and whether it is a software fallback (`adapter.info.isFallbackAdapter`,
 * older `adapter.isFallbackAdapter` or `requestAdapterInfo()`, or a software renderer by name), which trains slower
 * than the wasm backend.
 */
export async function webgpuAdapter(): Promise<WebgpuAdapter> {
  const gpu = (navigator as Navigator & { gpu?: Gpu }).gpu
  if (!gpu) return { found: false, reason: 'this browser has no WebGPU' }
  let adapter: Adapter | null
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' })
  } catch (error) {
    return { found: false, reason: `WebGPU adapter request failed: ${(error as Error).message}` }
  }
  if (!adapter) return { found: false, reason: 'no WebGPU adapter' }
  let info = adapter.info
  if (!info && typeof adapter.requestAdapterInfo === 'function') info = await adapter.requestAdapterInfo().catch(() => undefined)
  const fallback = info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false
  const name = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'unnamed adapter'
  return { found: true, software: fallback || SOFTWARE_ADAPTER.test(name), name }
}
