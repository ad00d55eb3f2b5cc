// `npm run build:web` (second step): the embeddable element as one ES module, dist/web/symscope-report.js, beside
// the web app, so that any page can load it with one script tag. No TensorFlow.js in it: it draws reports.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    rolldownOptions: { output: { minify: true } },
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL('./index.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'symscope-report.js',
    },
  },
})
