import type { DatasetSpec } from './types.js'

export interface DiskParameters {
  radius: number
  [key: string]: number | boolean | null
}

/** The paper's D^2D: points uniform in a disk, truly two-dimensional. */
export const disk: DatasetSpec<DiskParameters> = {
  name: 'disk',
  title: 'Points in a disk (D^2D)',
  description:
    'Points uniform in a disk of radius r (area density, r·√U): two degrees of freedom in two features, the ' +
    '"truly two-dimensional" control of Sanz (arXiv:2504.05174).',
  features: ['x1', 'x2'],
  truth: ['truth_radius', 'truth_theta'],
  angularTruth: ['truth_theta'],
  degreesOfFreedom: 2,
  parameters: [
    { name: 'radius', type: 'number', default: 1, minimum: 0, exclusiveMinimum: true, maximum: 1e6, description: 'Radius of the disk.' },
  ],
  fill: (wasm, r) => wasm.exports.generateDisk(r.seed, r.first, r.n, r.params.radius, r.featuresPtr, r.truthPtr),
}
