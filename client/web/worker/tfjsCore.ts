// What '@tensorflow/tfjs' resolves to in the browser build (client/web/vite.config.ts, resolve.alias). Core's model,
// training and analysis use only tfjs-core's ops, variables and optimisers, so the union package's layers, converter,
// data and WebGL backend stay out of the download; the cpu backend stays as the last fallback. Node, workerd and the
// tests keep the full package.
export * from '@tensorflow/tfjs-core'
import '@tensorflow/tfjs-backend-cpu'
