// The symmetry search's per-event passes in plain TypeScript (core/symmetries/kernels/kernels.ts): the other side of
// bench/symmetries.ts and the reference of the kernels' tests.
import type { SymmetryKernels } from '../core/symmetries/kernels/kernels.js'
import { typescriptMoments } from './monomialMoments.js'
import { typescriptOrbitMoments } from './orbitMoments.js'
import { typescriptRowOrder } from './rowOrder.js'
import { typescriptImageKernels } from './imageMoments.js'

export const typescriptKernels: SymmetryKernels = { moments: typescriptMoments, orbitMoments: typescriptOrbitMoments, rowOrder: typescriptRowOrder, image: typescriptImageKernels }
