// Seeded permutations for the VAE's train/validation split and per-epoch shuffling.
// see: Fisher–Yates as given by Durstenfeld, CACM 7 (1964) 420 ("Algorithm 235: Random permutation").

import { seedStream, uniform } from './rng'

/** Writes a uniformly random permutation of 0 … n − 1 (i32) to `out`, drawn from stream (seed, stream). */
export function permutation(seed: u64, stream: u64, n: i32, out: usize): void {
  for (let i = 0; i < n; i++) store<i32>(out + (<usize>i << 2), i)
  seedStream(seed, stream)
  for (let i = n - 1; i > 0; i--) {
    const j = <i32>(uniform() * <f64>(i + 1))
    const a = out + (<usize>i << 2)
    const b = out + (<usize>j << 2)
    const t = load<i32>(a)
    store<i32>(a, load<i32>(b))
    store<i32>(b, t)
  }
}
