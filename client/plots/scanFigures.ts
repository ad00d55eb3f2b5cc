import type { Scan } from '../../core/report/index.js'
import type { ReportFigure } from './reportFigures.js'
import { scanCollapseSvg } from './scanCollapse.js'
import { scanCountsSvg } from './scanCounts.js'
import { scanStaircaseSvg } from './scanStaircase.js'

/**
 * The figures of a scan, per latent size: the staircase (relevance of each rank against β with bands across seeds),
 * the relevant count and latent dimension against β, and the β where each rank collapses. With one latent size the
 * files are staircase.svg, counts.svg and collapse.svg; with several, each name carries "-latent<K>".
 */
export function scanFigures(scan: Scan, options: { width?: number } = {}): ReportFigure[] {
  const several = scan.series.length > 1
  return scan.series.flatMap(({ latent }) => {
    const suffix = several ? `-latent${latent}` : ''
    const of = several ? ` (latent size ${latent})` : ''
    return [
      { name: `staircase${suffix}.svg`, title: `Relevance against β${of}`, svg: scanStaircaseSvg(scan, { ...options, latent }) },
      { name: `counts${suffix}.svg`, title: `Relevant latents and their dimension against β${of}`, svg: scanCountsSvg(scan, { ...options, latent }) },
      { name: `collapse${suffix}.svg`, title: `Where each latent collapses${of}`, svg: scanCollapseSvg(scan, { ...options, latent }) },
    ]
  })
}
