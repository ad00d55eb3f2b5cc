#!/usr/bin/env node
// The symscope command line: `symscope generate | analyze | reproduce | scan …` (commandLine.ts), as a process.
import { compileWasmOptimised } from '../../core/wasm/node.js'
import { runCommandLine } from './commandLine.js'
import { EXIT } from './exitCodes.js'

compileWasmOptimised() // before any command loads the module

// A closed pipe (`symscope generate … | head`) is a normal way to stop reading, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok)
})

runCommandLine(process.argv.slice(2)).then((code) => (process.exitCode = code))
