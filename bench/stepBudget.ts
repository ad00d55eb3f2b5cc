// The server's step budget (worker/limits.ts STEP_BUDGET) in CPU time: milliseconds per optimiser step of the fused
// trainer and of tfjs's wasm backend (the API's trainer before the fused one), for the default 8-feature network and
// for the largest network the server accepts, in this process run; and how many fused steps fit in the time that
// 1,500 tfjs-wasm steps took, which is the budget that keeps a request's CPU time where it was. Node runs the same
// V8 and WebAssembly engine as workerd, whose clocks stand still during a request.
import { generateEvents, type SymscopeWasm } from '../core/index.js'
import { standardise } from '../core/stats/index.js'
import { setupTensorflow } from '../core/tf/node.js'
import { disposeVae, resolveVaeConfig, trainVae, type TrainerName, type VaeConfig } from '../core/vae/index.js'
import { loadWasm } from '../core/wasm/node.js'
import { median, type Bench, type BenchTable } from './table.js'

/** The budget before the fused trainer: 1,500 steps of tfjs-wasm (about 12 s of the default 8-feature network). */
const TFJS_BUDGET = 1_500
const REPEATS = 3

/** worker/limits.ts's MAX_SERVER_HIDDEN and MAX_SERVER_BATCH_SIZE (not imported: the worker's types need workerd's). */
const MAX_SERVER_HIDDEN = 256
const MAX_SERVER_BATCH_SIZE = 2_048

const CASES: { label: string; config: Partial<VaeConfig>; steps: number }[] = [
  { label: 'default: 8 → 64 → 64 → 2·8, batch 256', config: {}, steps: 120 },
  {
    label: `largest: 8 → ${MAX_SERVER_HIDDEN} × 2 → 2·8, batch ${MAX_SERVER_BATCH_SIZE}`,
    config: { hidden: MAX_SERVER_HIDDEN, batchSize: MAX_SERVER_BATCH_SIZE },
    steps: 6,
  },
]

async function msPerStep(wasm: SymscopeWasm, data: ReturnType<typeof standardise>, config: VaeConfig, steps: number, trainer: TrainerName) {
  if (trainer !== 'fused') await setupTensorflow('wasm')
  const trained = await trainVae(wasm, data.data, data.rows, data.cols, config, { trainer, maxSteps: steps })
  disposeVae(trained.vae)
  return (1000 * trained.seconds) / trained.stepsThisCall
}

export const run: Bench = async () => {
  const wasm = await loadWasm()
  const events = generateEvents(wasm, { dataset: 'drell_yan', n: 20_000, seed: 1 })
  const data = standardise(wasm, Float32Array.from(events.features), events.n, events.featureNames.length)
  const rows: (string | number)[][] = []
  for (const { label, config: given, steps } of CASES) {
    const config = resolveVaeConfig({ epochs: 1000, ...given }, data.cols)
    const fused: number[] = []
    const tfjs: number[] = []
    for (let r = 0; r < REPEATS; r++) {
      fused.push(await msPerStep(wasm, data, config, steps, 'fused'))
      tfjs.push(await msPerStep(wasm, data, config, steps, 'tfjs-wasm'))
    }
    const f = median(fused)
    const t = median(tfjs)
    rows.push([label, t, f, `${(t / f).toFixed(1)}×`, Math.floor((TFJS_BUDGET * t) / f)])
  }
  const table: BenchTable = {
    title: 'Step budget: CPU time per optimiser step, fused against tfjs-wasm, Node',
    description:
      `Milliseconds per step of \`trainVae\` with \`maxSteps\` (${CASES.map((c) => c.steps).join(' and ')} steps; median of ${REPEATS} ` +
      'alternating runs), and the fused steps that fit in the time of the old budget of 1,500 tfjs-wasm steps.',
    columns: ['network', 'tfjs-wasm ms/step', 'fused ms/step', 'tfjs / fused', 'fused steps in 1,500 tfjs steps\' time'],
    rows,
    notes: ['worker/limits.ts sets STEP_BUDGET from the smaller of the two: no request costs more CPU time than before.'],
  }
  return [table]
}
