import { wasmMoments, type MomentAccumulatorFactory } from './blockMoments.js'
import { wasmRowOrder, type RowOrderKernel } from './eventOrder.js'
import { wasmOrbitMoments, type OrbitMomentsKernel } from '../invariance/orbitMoments.js'
import { wasmImageKernels, type ImageKernels } from '../discrete/imageKernels.js'

/**
 * The per-event passes of the symmetry search behind one interface, so the benchmark can swap wasm for their
 * plain-TypeScript twins (reference/): the block sums of monomials and the polynomial measurements (one accumulator
 * holding the events), the Monte Carlo copies, and the row order. Everything else is small linear algebra.
 */
export interface SymmetryKernels {
  moments: MomentAccumulatorFactory
  orbitMoments: OrbitMomentsKernel
  rowOrder: RowOrderKernel
  /** The discrete maps' image passes (issue 20): pair sums of the odd test functions and their signs. */
  image: ImageKernels
}

/** Every kernel in wasm (assembly/symmetries/): the default. */
export const wasmKernels: SymmetryKernels = { moments: wasmMoments, orbitMoments: wasmOrbitMoments, rowOrder: wasmRowOrder, image: wasmImageKernels }
