// `npm run build:web` (first step): the web app, built from client/web into dist/web, which wrangler serves as the
// worker's static assets (wrangler.toml [assets]). The analysis worker bundle is not minified: tfjs's threaded wasm
// backend hands the source text of its Emscripten factory to its pthread workers (Function.prototype.toString),
// and a minified bundle breaks that (docs/platform.md).
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** The real-data example: the first rows of the shared CMS file, with its header. */
const CMS_SOURCE = here('../../data/cms/Zmumu_Run2011A.csv')
const CMS_ROWS = 2_000
const CMS_SAMPLE_FILE = 'data/Zmumu_Run2011A-2000.csv'

/**
 * Emits the first 2,000 events of data/cms/Zmumu_Run2011A.csv (CMS Collaboration, CERN Open Data, CC BY 4.0)
 * as an asset, so the 1 MB file is not committed twice. The file is part of the repository: without it the build
 * fails, rather than ship an app whose example is missing.
 */
function cmsSample(): Plugin {
  const sample = () => {
    const lines = readFileSync(CMS_SOURCE, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '')
    return `${lines.slice(0, CMS_ROWS + 1).join('\n')}\n`
  }
  return {
    name: 'symscope-cms-sample',
    generateBundle() {
      if (!existsSync(CMS_SOURCE)) {
        this.error(`${CMS_SOURCE} not found: the web app's CMS example needs it (data/cms/README.md)`)
      }
      this.emitFile({ type: 'asset', fileName: CMS_SAMPLE_FILE, source: sample() })
    },
    // The development server serves the same sample at the same path.
    configureServer(server) {
      server.middlewares.use(`/${CMS_SAMPLE_FILE}`, (_request, response, next) => {
        if (!existsSync(CMS_SOURCE)) return next()
        response.setHeader('content-type', 'text/csv; charset=utf-8')
        response.end(sample())
      })
    },
  }
}

const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: here('public'),
  plugins: [cmsSample()],
  // Only tfjs-core and its cpu backend for '@tensorflow/tfjs' (see worker/tfjsCore.ts): a quarter of the download.
  resolve: { alias: [{ find: /^@tensorflow\/tfjs$/, replacement: here('worker/tfjsCore.ts') }] },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0, // .wasm files stay files: tfjs and core fetch them by URL
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
    rolldownOptions: { input: { main: here('index.html') } },
  },
  worker: {
    format: 'es',
    rolldownOptions: {
      output: {
        minify: false,
        // Name the WebGPU backend's chunk (loaded only on a real GPU adapter) for what it is.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('tfjs-backend-webgpu')) ? 'assets/tfjs-backend-webgpu-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
  // `npx vite client/web` for development: isolated like the worker serves it, the API from `npm start`.
  server: { headers: isolation, proxy: { '/api': 'http://127.0.0.1:8787' } },
  preview: { headers: isolation },
})
