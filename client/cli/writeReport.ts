import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { reportMarkdown, type Report } from '../../core/report/index.js'
import { reportFigures } from '../plots/reportFigures.js'
import { CliError, EXIT } from './exitCodes.js'

/** Writes DIR/report.json, DIR/report.md and the SVG figures; returns the paths written. */
export function writeReport(dir: string, report: Report): string[] {
  try {
    mkdirSync(dir, { recursive: true })
    const figures = reportFigures(report)
    const written: string[] = []
    const write = (name: string, text: string) => {
      const path = join(dir, name)
      writeFileSync(path, text)
      written.push(path)
    }
    write('report.json', `${JSON.stringify(report, null, 2)}\n`)
    write('report.md', reportMarkdown(report, { figures: figures.map((f) => f.name) }))
    for (const figure of figures) write(figure.name, figure.svg)
    return written
  } catch (error) {
    throw new CliError(`cannot write the report to '${dir}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT.io)
  }
}
