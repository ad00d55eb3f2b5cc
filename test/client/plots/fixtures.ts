import { reportSchema, type Report } from '../../../core/report/index.js'

/**
 * A tiny hand-made report for the plot and report.md tests: a circle-like analysis with four latents (two relevant),
 * a 3 × 3 plane map with one empty cell, two profiles with empty bins, and four epochs of training. Parsed through
 * the schema, so a schema change breaks the fixture loudly rather than the tests quietly.
 */
export const tinyReport: Report = reportSchema.parse({
  id: 'a'.repeat(64),
  version: '0.1.0',
  dataset: {
    name: 'circle <test>',
    source: 'generator',
    parameters: { radius: 1, noise: 0.01, seed: 1 },
    n: 1000,
    sha256: 'b'.repeat(64),
    features: ['x1', 'x2'],
    truth: ['truth_theta'],
    constantFeatures: [],
    expectedDegreesOfFreedom: 1,
  },
  config: {
    latent: 4, hidden: 64, layers: 2, activation: 'relu', linear: false, beta: 0.1, learningRate: 0.001,
    batchSize: 256, epochs: 4, validationSplit: 0.2, patience: 0, seed: 1, threshold: 0.05,
  },
  latents: [
    { index: 2, relevance: 0.9, kl: 1.1, oneMinusSigma2: 0.85, relevant: true },
    { index: 0, relevance: 0.6, kl: 0.8, oneMinusSigma2: 0.7, relevant: true },
    { index: 3, relevance: 0.002, kl: 0.003, oneMinusSigma2: 0.02, relevant: false },
    { index: 1, relevance: 0.0004, kl: 0.001, oneMinusSigma2: 0.01, relevant: false },
  ],
  relevantCount: 2,
  largestGap: { after: 2, ratio: 300 },
  intrinsicDimension: {
    data: 1.02,
    latent: 0.98,
    dataCurve: [
      { k: 1, dimension: 1.1, medianDistance: 0.01 },
      { k: 2, dimension: 1, medianDistance: 0.02 },
      { k: 4, dimension: 0.9, medianDistance: 0.04 },
    ],
    latentCurve: [
      { k: 1, dimension: 1.2, medianDistance: 0.03 },
      { k: 2, dimension: 1.05, medianDistance: 0.06 },
      { k: 4, dimension: 1, medianDistance: 0.12 },
    ],
  },
  correlations: [
    { latent: 2, truth: 'truth_theta', pearson: 0.99, distance: 0.85 },
    { latent: 0, truth: 'truth_theta', pearson: -0.5, distance: 0.8 },
    { latent: 3, truth: 'truth_theta', pearson: 0.01, distance: 0.1 },
    { latent: 1, truth: 'truth_theta', pearson: 0.02, distance: 0.12 },
  ],
  relevantSetCorrelations: [{ truth: 'truth_theta', distance: 0.99, determination: 0.998 }],
  latentMaps: {
    plane: {
      x: 'x1',
      y: 'x2',
      bins: 3,
      xRange: [-1.2, 1.2],
      yRange: [-1.2, 1.2],
      latents: [
        // row-major, y outer: the first three cells are the bottom row
        { latent: 2, means: [-1, -0.5, 0, -0.5, null, 0.5, 0, 0.5, 1] },
        { latent: 0, means: [1, 0.5, 0, 0.5, null, -0.5, 0, -0.5, -1] },
        { latent: 3, means: [0, 0, 0, 0, null, 0, 0, 0, 0.01] },
        { latent: 1, means: [0, 0, 0, 0, null, 0, 0, 0, 0] },
      ],
    },
    profiles: [
      {
        variable: 'x1',
        kind: 'feature',
        edges: [-1, -0.5, 0, 0.5, 1],
        counts: [10, 0, 12, 9],
        latents: [
          { latent: 2, means: [-1, null, 0.2, 0.9] },
          { latent: 0, means: [0.5, null, -0.1, -0.6] },
          { latent: 3, means: [0, null, 0.01, 0] },
          { latent: 1, means: [0, null, 0, 0] },
        ],
      },
      {
        variable: 'cos θ*',
        kind: 'truth',
        edges: [-1, 0, 1],
        counts: [20, 11],
        latents: [
          { latent: 2, means: [0.3, -0.3] },
          { latent: 0, means: [0.1, 0.2] },
          { latent: 3, means: [0, 0] },
          { latent: 1, means: [0, 0] },
        ],
      },
    ],
  },
  verdict: '2 input features, 2 relevant latents lying on a 1-dimensional curve: one free coordinate (expected 1)',
  training: {
    backend: 'wasm',
    seconds: 1.5,
    steps: 16,
    bestEpoch: 3,
    stoppedEarly: false,
    history: [
      { epoch: 1, loss: 1, validationLoss: 0.9, reconstruction: 0.85, kl: 0.5, seconds: 0.4 },
      { epoch: 2, loss: 0.4, validationLoss: 0.35, reconstruction: 0.2, kl: 1.5, seconds: 0.8 },
      { epoch: 3, loss: 0.1, validationLoss: 0.08, reconstruction: 0.03, kl: 0.5, seconds: 1.1 },
      { epoch: 4, loss: 0.09, validationLoss: 0.085, reconstruction: 0.03, kl: 0.55, seconds: 1.5 },
    ],
  },
  software: { symscope: '0.1.0', tfjs: '4.22.0' },
})

/** All `data-mark="<mark>"` elements' opening tags, in document order. */
export const marks = (svg: string, mark: string): string[] => svg.match(new RegExp(`<[a-z]+ [^>]*data-mark="${mark}"[^>]*>`, 'g')) ?? []

/** The value of attribute `name` in an opening tag. */
export const attribute = (tag: string, name: string): string | undefined => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]

/** A numeric attribute. */
export const numeric = (tag: string, name: string): number => Number(attribute(tag, name))

/**
 * Whether an SVG string is well-formed enough to stand alone: one root <svg> with a viewBox, every tag closed in
 * order, no bare `&` or `<` in text.
 */
export function wellFormed(svg: string): boolean {
  if (!/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="[\d. ]+" width="\d+" height="\d+"/.test(svg)) return false
  if (/&(?!(amp|lt|gt|quot|#39);)/.test(svg)) return false
  const stack: string[] = []
  for (const [tag, close, name, selfClose] of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    if (tag.includes('<', 1)) return false
    if (selfClose) continue
    if (!close) stack.push(name)
    else if (stack.pop() !== name) return false
  }
  return stack.length === 0 && svg.trimEnd().endsWith('</svg>')
}
