import { expect } from 'vitest'

/** Expects every actual[i] within relative · max(|expected[i]|, scale) of expected[i] (scale guards values near 0). */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, relative: number, scale = 1): void {
  expect(actual.length).toBe(expected.length)
  let worst = 0
  let at = -1
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), scale)
    if (!(error <= worst)) {
      worst = error
      at = i
    }
  }
  expect(worst, `worst relative error at index ${at}: ${actual[at]} vs ${expected[at]}`).toBeLessThanOrEqual(relative)
}
