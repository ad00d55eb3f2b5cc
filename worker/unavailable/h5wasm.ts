// What `import('h5wasm')` gives inside the worker (wrangler.toml [alias]): HDF5 is read by the CLI and the web app.
// h5wasm compiles its embedded WebAssembly from bytes, which workerd forbids (docs/platform.md), and its 4 MB would
// only weigh down the bundle: the API takes Parquet, .npy and .npz uploads instead.
import { SymscopeError } from '../../core/index.js'

const unavailable = () => {
  throw new SymscopeError('invalid_parameter', 'HDF5 files are read by npx symscope analyze and the web app, not by the API: upload Parquet or .npy')
}

export default {
  get ready(): never {
    return unavailable()
  },
}
