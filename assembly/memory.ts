// Buffers shared with JavaScript: core allocates input and output arrays here and reads them through views.
// Views must be re-created after any call that may grow memory (growth detaches the old ArrayBuffer).

/** Allocates `bytes` bytes, 16-byte aligned (SIMD loads), and returns the pointer. */
export function alloc(bytes: usize): usize {
  return heap.alloc(bytes)
}

/** Frees a pointer returned by `alloc`. */
export function free(ptr: usize): void {
  heap.free(ptr)
}
