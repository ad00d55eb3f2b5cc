// wrangler (and vite with `?module`-free imports in workerd) turn `import x from "./f.wasm"` into a compiled module.
declare module '*.wasm' {
  const module: WebAssembly.Module
  export default module
}
