/**
 * The raw functions of the symscope compute module (assembly/index.ts), as JavaScript sees them.
 * Pointers are byte offsets into `memory`; u64 parameters (seeds, stream indices) are BigInts.
 * Callers go through core's typed wrappers, which check preconditions before the call.
 */
export interface SymscopeExports {
  readonly memory: WebAssembly.Memory
  alloc(bytes: number): number
  free(ptr: number): void

  fillRandom(seed: bigint, first: bigint, n: number, perStream: number, kind: number, out: number): void
  permutation(seed: bigint, stream: bigint, n: number, out: number): void

  generateCircle(seed: bigint, first: bigint, n: number, radius: number, noise: number, features: number, truth: number): void
  generateDisk(seed: bigint, first: bigint, n: number, radius: number, features: number, truth: number): void
  /** l: 9 f64, the factor L (row-major) with x = L z, z ~ N(0, I); truth is z. */
  generateGaussian(seed: bigint, first: bigint, n: number, l: number, features: number, truth: number): void
  forwardBackwardAsymmetry(s: number, charge: number, isospin: number, withZ: number): number
  generateEeMumu(
    seed: bigint, first: bigint, n: number, sqrtS: number, withZ: number, muonMass: number, features: number, truth: number,
  ): void
  /** Returns 0, 1 (cuts leave the phase space empty) or 2 (an event needed over 10⁶ trials); etaMax ≤ 0: no cut. */
  generateDrellYan(
    seed: bigint, first: bigint, n: number, sqrtS: number, mMin: number, mMax: number, ptMin: number, etaMax: number,
    muonMass: number, features: number, truth: number,
  ): number
  drellYanTrials(): number
  drellYanEnvelopeViolations(): number
  drellYanEnvelope(): number
  drellYanLargestWeight(): number
  /** CTEQ5L momentum density x·f(x, Q): flavour 0 g, 1 u, 2 d, 3 s, 4 c, 5 b, negative for antiquarks. */
  partonDensity(flavour: number, x: number, q: number): number

  // Statistics kernels (assembly/stats/): f32 matrices are row-major rows × cols; results are f64.
  columnMeans(data: number, rows: number, cols: number, means: number): void
  columnVariances(data: number, rows: number, cols: number, means: number, variances: number): void
  covarianceMatrix(data: number, rows: number, cols: number, means: number, out: number, scratch: number): void
  standardiseColumns(
    data: number, rows: number, cols: number, columns: number, kept: number, means: number, scales: number, out: number,
  ): void
  histogramF64(values: number, n: number, stride: number, offset: number, bins: number, min: number, max: number, out: number): void
  histogramF32(values: number, n: number, stride: number, offset: number, bins: number, min: number, max: number, out: number): void
  latentStatistics(means: number, logVariances: number, rows: number, latents: number, out: number, scratch: number): void
  bootstrapVariances(means: number, rows: number, latents: number, resamples: number, seed: bigint, out: number, scratch: number): void
  bootstrapScratchBytes(latents: number): number
  pearsonCorrelation(x: number, y: number, n: number): number
  distanceRowMeans(x: number, p: number, n: number, means: number): number
  distanceCovariance(x: number, p: number, y: number, q: number, n: number, rowA: number, rowB: number, grandA: number, grandB: number, out: number): number
  nearestNeighbours(data: number, rows: number, cols: number, k: number, from: number, to: number, out: number, scratch: number): void
  neighboursScratchBytes(rows: number, cols: number, k: number): number
  nearestTwo(data: number, rows: number, cols: number, from: number, to: number, indices: number, distances: number, scratch: number): void
  nearestTwoScratchBytes(rows: number, cols: number): number
  neighbourhoodCovariance(data: number, rows: number, cols: number, radii: number, scores: number, orders: number, from: number, to: number, out: number, scratch: number): void

  neighbourAverages(points: number, rows: number, cols: number, values: number, valueCols: number, k: number, out: number, scratch: number): void
  neighbourRegressionScratchBytes(k: number): number
  dimuonTruth(features: number, n: number, truth: number): void
  /** Block sums of monomials of standardised columns (assembly/symmetries/monomialMoments.ts). */
  monomialMoments(
    data: number, rows: number, stride: number, columns: number, vars: number, shift: number, scale: number,
    parents: number, factors: number, count: number, blocks: number, out: number, scratch: number,
  ): void
  /** The Monte Carlo copies' monomial sums, each event moved by a random flow element (assembly/symmetries/orbitMoments.ts). */
  orbitMoments(
    z: number, rows: number, vars: number, grid: number, gridCount: number, parents: number, factors: number, count: number,
    copies: number, seed: bigint, firstStream: bigint, out: number, scratch: number,
  ): void
  /** A polynomial and its gradient summed over the events (assembly/symmetries/polynomialSums.ts). */
  polynomialSums(
    data: number, rows: number, stride: number, columns: number, vars: number, parents: number, factors: number, count: number,
    coefficients: number, gradients: number, sigma: number, terms: number, termCount: number, gradientTerms: number,
    gradientStarts: number, out: number, scratch: number,
  ): void
  /** The cyclic Jacobi sweeps on a symmetric matrix, in place (assembly/linalg/jacobi.ts): the sweeps used, −1 past maxSweeps. */
  jacobiRotations(a: number, v: number, size: number, maxSweeps: number, converged: number): number
  /** The odd parts of the test functions under a map, summed and pair-summed (assembly/symmetries/imageMoments.ts). */
  imageMoments(z: number, rows: number, vars: number, map: number, parents: number, factors: number, count: number, pairs: number, out: number, scratch: number): void
  /** The signs of odd polynomials over the events, counted per polynomial (assembly/symmetries/imageMoments.ts). */
  imageSigns(z: number, rows: number, vars: number, parents: number, factors: number, count: number, polynomials: number, coefficients: number, out: number, scratch: number): void
  /** Column sums, minima and maxima over the first rows (assembly/symmetries/columnPasses.ts). */
  columnRange(data: number, rows: number, cols: number, out: number): void
  /** Column sums of squares about given centres (assembly/symmetries/columnPasses.ts). */
  centredSquares(data: number, rows: number, cols: number, centre: number, out: number): void
  /** Upper triangle of Σ u uᵀ of chosen columns about given centres (assembly/symmetries/columnPasses.ts). */
  centredProducts(data: number, rows: number, cols: number, free: number, d: number, centre: number, out: number, scratch: number): void
  /** Chosen columns of a row range, standardised (assembly/symmetries/columnPasses.ts). */
  spanCoordinates(data: number, from: number, to: number, cols: number, free: number, d: number, shift: number, scale: number, out: number): void
  /** Row indices sorted by their rows, feature by feature (assembly/symmetries/rowOrder.ts). */
  rowOrder(data: number, n: number, cols: number, out: number, scratch: number): void

  // The fused VAE trainer (assembly/vae/): `handle` is a network made by vaeCreate; activation 0 relu, 1 tanh,
  // 2 elu, 3 sigmoid, 4 none. Buffers (vaeBuffer): 0 parameters, 1 gradients, 2 and 3 Adam's moments, 4 the batch,
  // 5 its noise.
  vaeCreate(features: number, latent: number, hidden: number, layers: number, activation: number, rows: number, beta: number, learningRate: number): number
  /** Bytes vaeCreate would allocate (a float, so that sizes past 4 GiB read as such). */
  vaeWorkingBytes(features: number, latent: number, hidden: number, layers: number, rows: number): number
  vaeFree(handle: number): void
  vaeParameterFloats(handle: number): number
  vaeBuffer(handle: number, which: number): number
  /** Per layer [inputs, outputs, padded outputs, kernel offset, bias offset] into `out`; returns the layer count. */
  vaeLayout(handle: number, out: number): number
  vaeInitialise(handle: number, seed: bigint): void
  vaeNoise(seed: bigint, stream: bigint, count: number, out: number): void
  vaeGradients(handle: number, rows: number): number
  vaeAdamStep(handle: number, step: number): void
  /** Chunks of a batch (assembly/vae/parallel.ts): a number fixed by the batch size alone. */
  vaeChunks(batchRows: number): number
  /** Bytes vaeGroupCreate would allocate beside the network. */
  vaeGroupWorkingBytes(features: number, latent: number, hidden: number, layers: number, batchRows: number): number
  vaeGroupCreate(handle: number, batchRows: number): number
  vaeGroupFree(group: number): void
  /** Thread `thread` of `threads`' share of training batches firstBatch … endBatch − 1; thread 0 returns lossBefore + their losses. */
  vaeTrainThread(
    group: number, data: number, trainRows: number, order: number, firstBatch: number, endBatch: number,
    seed: bigint, firstStep: number, lossBefore: number, thread: number, threads: number, stallMs: number,
  ): number
  /** Stops a group's training: `thread` failed for `reason` (core/vae/fused/threads.ts ABORT_ERROR, ABORT_STALLED). */
  vaeGroupAbort(group: number, thread: number, reason: number): void
  /** 0 while the group trains, else (reason << 8) | (thread + 1) of the first abort. */
  vaeGroupAborted(group: number): number
  /** A test hook, not for use: thread `thread` fails at step `step` (kind 1: a trap; 2: it leaves silently). */
  vaeGroupFaultForTest(group: number, thread: number, step: number, kind: number): void
  vaeEvaluate(handle: number, data: number, rows: number, count: number, noise: number): number
  vaeEvaluatedTerm(which: number): number
  /** One convergence check (assembly/vae/check.ts): the mean loss of `count` rows; posterior sums (5 × latent f64) into `out`. */
  vaeCheck(handle: number, data: number, rows: number, count: number, noise: number, out: number): number
  /** Adds Σμ, Σμ², Σμ³, Σμ⁴, Σσ² of `rows` rows (stride floats apart, μ then log σ²) to `out` (5 × latent f64). */
  latentMomentsAdd(heads: number, stride: number, rows: number, latent: number, out: number): void
  vaeEncode(handle: number, x: number, count: number, means: number, logVars: number): void
  vaeDecode(handle: number, z: number, count: number, out: number): void
}
