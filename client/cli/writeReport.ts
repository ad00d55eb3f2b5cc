import { reportMarkdown, type Report } from '../../core/report/index.js'
import { reportFigures } from '../plots/reportFigures.js'
import { writeOutputFolder } from './outputFolder.js'

/**
 * Writes DIR/report.json, DIR/report.md and the SVG figures, all or none (outputFolder.ts: a partial folder renamed
 * when complete); returns the paths written. The caller has checked DIR with `checkOutputFolder`.
 */
export function writeReport(dir: string, report: Report): string[] {
  const figures = reportFigures(report)
  return writeOutputFolder(
    dir,
    [
      { name: 'report.json', data: `${JSON.stringify(report, null, 2)}\n` },
      { name: 'report.md', data: reportMarkdown(report, { figures: figures.map((f) => f.name) }) },
      ...figures.map((figure) => ({ name: figure.name, data: figure.svg })),
    ],
    { what: 'the report' },
  )
}
