// What '@tensorflow/tfjs' resolves to in the browser build (client/web/vite.config.ts, resolve.alias). Core's model,
// training and analysis use only tfjs-core's ops, variables and optimisers, so the union package's layers, converter,
// data and WebGL backend stay out of the download. The side effects the union package has on core are kept: the
// gradients (training needs them) and the chained ops (`tensor.add(…)`); and the cpu backend, the last fallback.
// Node, workerd and the tests keep the full package.
export * from '@tensorflow/tfjs-core'
import '@tensorflow/tfjs-core/dist/register_all_gradients'
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops'
import '@tensorflow/tfjs-backend-cpu'
