// The symscope compute module: everything JavaScript can call. One .wasm, flat functions over linear memory.

export { alloc, free } from './memory'
export { fillRandom } from './rng'
export { generateCircle } from './generators/circle'
export { generateDisk } from './generators/disk'
export { generateEeMumu } from './generators/eeMumu'
