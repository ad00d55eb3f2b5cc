import type { DatasetSpec } from './types.js'

export interface CircleParameters {
  radius: number
  noise: number
  [key: string]: number | boolean | null
}

/** The paper's D^1D: points on a circle. One degree of freedom, the angle; symmetry O(2). */
export const circle: DatasetSpec<CircleParameters> = {
  name: 'circle',
  title: 'Points on a circle (D^1D)',
  description:
    'Points (x1, x2) = r (cos θ, sin θ) with θ uniform: one degree of freedom in two features, the O(2) example of ' +
    'Sanz (arXiv:2504.05174). Optional Gaussian radial noise, relative to the radius.',
  features: ['x1', 'x2'],
  truth: ['truth_theta'],
  angularTruth: ['truth_theta'],
  degreesOfFreedom: 1,
  parameters: [
    { name: 'radius', type: 'number', default: 1, minimum: 0, exclusiveMinimum: true, maximum: 1e6, description: 'Radius r of the circle.' },
    {
      name: 'noise',
      type: 'number',
      default: 0,
      minimum: 0,
      maximum: 1,
      description: 'Relative Gaussian spread of the radius: r · (1 + noise · N(0, 1)). 0.01 is 1 % radial noise.',
    },
  ],
  fill: (wasm, r) =>
    wasm.exports.generateCircle(r.seed, r.first, r.n, r.params.radius, r.params.noise, r.featuresPtr, r.truthPtr),
}
