// Reading the README and docs/ as the tests need them: fenced blocks after a heading, shell commands with their
// continuation lines joined, relative links.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export const readDoc = (path: string): string => readFileSync(ROOT + path, 'utf8')

/** The fenced blocks of `text` (`lang` '' for a bare fence), in order. */
export function fencedBlocks(text: string): { lang: string; body: string }[] {
  const blocks: { lang: string; body: string }[] = []
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm
  for (let m = fence.exec(text); m !== null; m = fence.exec(text)) blocks.push({ lang: m[1], body: m[2] })
  return blocks
}

/** The text from the heading line `heading` to the next heading of any level. */
export function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`)
  if (start < 0) throw new Error(`no heading "${heading}"`)
  const rest = text.slice(start + heading.length + 2)
  const end = rest.search(/^#{1,6} /m)
  return end < 0 ? rest : rest.slice(0, end)
}

/** A shell block's commands: comments and blank lines dropped, `\` and trailing-`|` continuations joined. */
export function shellCommands(body: string): string[] {
  const commands: string[] = []
  let current = ''
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\s+#\s.*$/, '').trimEnd()
    if (current === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' '
    } else if (line.endsWith('|')) {
      current += line + ' '
    } else {
      commands.push((current + line).trim())
      current = ''
    }
  }
  return commands
}

/** Relative link targets of a Markdown file (no scheme, no pure #anchor), without their #anchor. */
export function relativeLinks(text: string): string[] {
  const links: string[] = []
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue
    links.push(target.split('#')[0])
  }
  return links
}
