// The messages a newcomer meets first (issue 19): each bad invocation gets exactly one line on stderr that names the
// option or the file, the value given, and what is allowed in words; never Node's parser text or a system code.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, runCliInProcess } from './cliRunner.js'

const dir = mkdtempSync(join(tmpdir(), 'symscope-messages-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)

/** A .npy file of 2 × 2 Unicode strings ('<U1'), as numpy.save writes one: magic, version 1.0, padded header. */
function stringNpy(): Uint8Array {
  let header = "{'descr': '<U1', 'fortran_order': False, 'shape': (2, 2), }"
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n'
  const bytes = new Uint8Array(10 + header.length + 16)
  bytes.set([0x93, ...Buffer.from('NUMPY'), 1, 0, header.length & 0xff, header.length >> 8])
  bytes.set(Buffer.from(header, 'latin1'), 10)
  return bytes
}

writeFileSync(at('one.csv'), 'a,b\n1,2\n')
writeFileSync(at('strings.npy'), stringNpy())
mkdirSync(at('locked'))
writeFileSync(at('locked/data.csv'), 'a,b\n1,2\n')

/** [what, arguments, exit code, the whole line expected on stderr]. */
const cases: [string, string[], number, RegExp][] = [
  ['negative β as its own word', ['analyze', 'circle', '--beta', '-1'], 2, /^symscope: --beta must be a number from 0 to 100; got -1$/],
  ['negative n as its own word', ['generate', 'circle', '--n', '-5'], 2, /^symscope: --n must be an integer from 1 to 10,000,000; got -5$/],
  ['an unknown option, with the closest known one', ['analyze', 'circle', '--beat', '2'], 2, /^symscope: unknown option '--beat' for analyze; did you mean --beta\? \(symscope help analyze lists the options\)$/],
  ['an unknown option, nothing close', ['analyze', 'circle', '--bogus'], 2, /^symscope: unknown option '--bogus' for analyze \(symscope help analyze lists the options\)$/],
  ['an option without its value', ['scan', 'circle', '--beta'], 2, /^symscope: --beta needs a value \(symscope help scan\)$/],
  ['an option followed by another option', ['analyze', 'circle', '--out', '--quiet'], 2, /^symscope: --out needs a value; got the option '--quiet' next \(symscope help analyze\)$/],
  ['a switch given a value', ['generate', 'circle', '--quiet=yes'], 2, /^symscope: --quiet is a switch and takes no value; got '--quiet=yes' \(symscope help generate\)$/],
  ['a setting named as the option', ['analyze', 'circle', '--lr', '3'], 2, /^symscope: --lr must be a number above 0 and at most 1; got 3$/],
  ['the analysis limit, not the generator limit', ['analyze', 'circle', '--n', '100000000'], 2, /^symscope: --n 100,000,000 exceeds the analysis limit of 1,000,000 events$/],
  ['one event, singular', ['analyze', at('one.csv')], 3, /^symscope: one: 1 event; an analysis needs at least 50$/],
  ['a .npy of strings names its dtype', ['analyze', at('strings.npy')], 3, /^symscope: strings.npy: dtype '<U1' \(Unicode strings\) is not numeric \(read: float32\/64, int8–64, uint8–64, bool\)$/],
  ['a folder that does not exist', ['generate', 'circle', '--n', '5', '--out', at('missing/x.csv')], 4, /^symscope: cannot write '.*missing\/x.csv': no such file or folder \(a folder on the path does not exist\)$/],
  ['a path through a file', ['generate', 'circle', '--n', '5', '--out', at('one.csv/x.csv')], 4, /^symscope: cannot write '.*one.csv\/x.csv': a part of the path is a file, not a folder$/],
  ['a parameter bound by another', ['generate', 'drell_yan', '--set', 'ptMin=70'], 2, /^symscope: drell_yan: parameter 'ptMin' must be below mMax \/ 2 = 60 GeV \(a muon's p_T is at most M\/2 at leading order\); got 70$/],
]

describe('CLI messages: one line, the option or file, the value, the allowed range in words', () => {
  it.each(cases)('%s', async (_what, args, code, line) => {
    // A case that writes a file runs as a process (its partial file, cliRunner.ts); the others inside this one.
    const { status, stderr } = args.includes('--out') ? runCli(args) : await runCliInProcess(args)
    expect(stderr.endsWith('\n')).toBe(true)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr.trimEnd()).toMatch(line)
    expect(status).toBe(code)
  })

  it.runIf(process.getuid?.() !== 0)('an unreadable file: permission denied, in words', () => {
    chmodSync(at('locked/data.csv'), 0)
    const { status, stderr } = runCli(['analyze', at('locked/data.csv')])
    expect(stderr.trimEnd()).toMatch(/^symscope: cannot read '.*data.csv': permission denied$/)
    expect(status).toBe(4)
  })
})
