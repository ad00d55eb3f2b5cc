// A clean `npm install` is quiet about install scripts (issue 19, item 5): npm 11 ends an install with a warning for
// every dependency whose install script the package's `allowScripts` policy does not cover. The policy must name
// exactly the packages the lockfile marks as having one, so that a dependency update bringing a new script fails
// here, to be reviewed (docs/platform.md), instead of warning every newcomer.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('../../', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { allowScripts?: Record<string, boolean> }
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>
}

/** The package names under node_modules/ (the last one of a nested path) that the lockfile marks with an install script. */
const withInstallScripts = [
  ...new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
  ),
].sort()

describe("the install-script policy (package.json's allowScripts)", () => {
  it("names every locked dependency with an install script, and nothing else", () => {
    expect(withInstallScripts.length).toBeGreaterThan(0) // the lockfile field is read (npm ≥ 7 writes it)
    expect(Object.keys(manifest.allowScripts ?? {}).sort()).toEqual(withInstallScripts)
  })

  // npm's own view of the installed tree, where this npm has the command (npm 11's install-scripts).
  const npm = spawnSync('npm', ['install-scripts', 'ls', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 })
  it.runIf(npm.status === 0)('leaves npm nothing unreviewed to warn about', () => {
    expect(JSON.parse(npm.stdout)).toEqual({ allowScripts: [] })
  })
})
