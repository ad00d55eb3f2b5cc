import { reportMarkdown, type Report } from '../../core/report/index.js'
import { reportFigures } from '../plots/reportFigures.js'
import { writeOutputFolder, type OutputFile } from './outputFolder.js'

/** A report's files (report.json, report.md, the SVG figures), their names under `folder` ('' for none). */
export function reportFiles(report: Report, folder = ''): OutputFile[] {
  const figures = reportFigures(report)
  const at = (name: string) => (folder ? `${folder}/${name}` : name)
  return [
    { name: at('report.json'), data: `${JSON.stringify(report, null, 2)}\n` },
    { name: at('report.md'), data: reportMarkdown(report, { figures: figures.map((f) => f.name) }) },
    ...figures.map((figure) => ({ name: at(figure.name), data: figure.svg })),
  ]
}

/**
 * Writes DIR/report.json, DIR/report.md and the SVG figures, all or none (outputFolder.ts: a partial folder renamed
 * when complete); returns the paths written. The caller has checked DIR with `checkOutputFolder`.
 */
export function writeReport(dir: string, report: Report): string[] {
  return writeOutputFolder(dir, reportFiles(report), { what: 'the report' })
}
