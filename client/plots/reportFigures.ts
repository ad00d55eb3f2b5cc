import type { Report } from '../../core/report/index.js'
import { dimensionCurveSvg } from './dimensionCurve.js'
import { latentMapsSvg, type PlanePoints } from './latentMap.js'
import { latentProfileSvg } from './latentProfile.js'
import { lossCurveSvg } from './lossCurve.js'
import { relevanceBarsSvg } from './relevanceBars.js'

/** One figure of a report: the file name it is written under, a caption, and the SVG document. */
export interface ReportFigure {
  name: string
  title: string
  svg: string
}

/** What the report does not carry but a figure can use. */
export interface ReportFigureExtras {
  /** Events in the input plane (two-feature data), overlaid on the latent maps; subsampled to 2000 per map. */
  points?: PlanePoints
  /**
   * Width in pixels to draw for, when narrower than the 640 px default (a phone): the line and bar plots take this
   * width and a proportional height, the latent maps smaller panels in fewer columns, so that text stays legible.
   */
  width?: number
}

/** Plot sizes for a width: the 640 × 380 default, or narrower (down to 300 px) with a height kept readable. */
function sizeFor(width: number | undefined): { width?: number; height?: number; panelSize?: number; columns?: number } {
  if (width === undefined || !(width < 640)) return {}
  const w = Math.max(300, Math.floor(width))
  const panelSize = Math.max(160, Math.min(220, w - 150))
  return { width: w, height: Math.max(300, Math.round(w * 0.75)), panelSize, columns: w < 520 ? 1 : 2 }
}

/** Most latents drawn side by side in the latent map. */
const MAX_MAP_PANELS = 6

/**
 * A file name for a figure about `variable`: letters, digits, `_` and `-` kept, every other run of characters
 * becomes one `_` ("cos θ*" → "cos_").
 */
export const figureFileName = (prefix: string, variable: string): string =>
  `${prefix}-${variable.replace(/[^A-Za-z0-9_-]+/g, '_') || '_'}.svg`

/**
 * The figures of a report, in reading order: relevance spectrum, training curve, intrinsic dimension against scale,
 * the latent maps over the input plane (two-feature data only: the relevant latents, or the top one when none is),
 * and one profile per feature and truth observable. File names are unique (a clash after sanitising gets "-2", …).
 */
export function reportFigures(report: Report, extras: ReportFigureExtras = {}): ReportFigure[] {
  const name = report.dataset.name
  const relevant = report.latents.filter((l) => l.relevant).map((l) => l.index)
  const { panelSize, columns, ...size } = sizeFor(extras.width)
  const figures: ReportFigure[] = [
    {
      name: 'relevance.svg',
      title: 'Latent relevance',
      svg: relevanceBarsSvg(report.latents, { ...size, threshold: report.config.threshold, title: `Latent relevance: ${name}` }),
    },
    {
      name: 'loss.svg',
      title: 'Training and validation loss',
      svg: lossCurveSvg(report.training.history, { ...size, beta: report.config.beta, bestEpoch: report.training.bestEpoch, title: `Training: ${name}` }),
    },
    {
      name: 'dimension.svg',
      title: 'Intrinsic dimension against scale',
      svg: dimensionCurveSvg(
        { data: report.intrinsicDimension.dataCurve, latent: report.intrinsicDimension.latentCurve },
        { ...size, expected: report.dataset.expectedDegreesOfFreedom, title: `Intrinsic dimension against scale: ${name}` },
      ),
    },
  ]
  const plane = report.latentMaps.plane
  if (plane) {
    const shown = (relevant.length ? relevant : report.latents.slice(0, 1).map((l) => l.index))
      .filter((latent) => plane.latents.some((l) => l.latent === latent))
      .slice(0, MAX_MAP_PANELS)
    figures.push({
      name: 'latent-map.svg',
      title: 'Latent maps over the input plane',
      svg: latentMapsSvg(plane, { latents: shown, points: extras.points, panelSize, columns, title: `⟨z⟩ over (${plane.x}, ${plane.y}): ${name}` }),
    })
  }
  const taken = new Set(figures.map((f) => f.name))
  for (const profile of report.latentMaps.profiles) {
    let file = figureFileName('profile', profile.variable)
    for (let n = 2; taken.has(file); n++) file = figureFileName('profile', `${profile.variable}-${n}`)
    taken.add(file)
    figures.push({
      name: file,
      title: `Latent profile against ${profile.variable}`,
      svg: latentProfileSvg(profile, { ...size, relevant, title: `⟨z⟩ against ${profile.variable} (${profile.kind}): ${name}` }),
    })
  }
  return figures
}
