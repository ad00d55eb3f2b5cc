import { CLASSES } from './constants.js'

/**
 * The report view's CSS: inside the element's shadow root, and in the web app's page. Figures shrink with the page
 * (the SVGs carry a viewBox); wide tables scroll sideways on a phone instead of widening the page.
 */
export const REPORT_CSS = `
.${CLASSES.report} { display: grid; gap: 1rem; font: 15px/1.45 system-ui, sans-serif; color: #111827; }
.${CLASSES.note} { margin: .4rem 0 0; font-size: .85rem; color: #444; }
.${CLASSES.verdict} { margin: 0; padding: .75rem 1rem; border-left: 4px solid #0072B2; background: #f0f6fb; font-weight: 600; }
.${CLASSES.summary} { margin: 0; color: #374151; font-size: .9em; }
.${CLASSES.figure} { margin: 0; }
.${CLASSES.figure} svg { display: block; width: 100%; height: auto; }
.${CLASSES.caption} { color: #4b5563; font-size: .85em; margin: .25rem 0 0; max-width: 720px; }
.${CLASSES.figures} { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr)); }
.${CLASSES.dimension} p { margin: 0 0 .5rem; }
.${CLASSES.tableWrap} { overflow-x: auto; width: 0; min-width: 100%; } /* width 0: a wide table adds nothing to the page's min-content width; it scrolls */
.${CLASSES.table} { border-collapse: collapse; font-size: .9em; }
.${CLASSES.table} caption { caption-side: bottom; text-align: left; color: #4b5563; font-size: .85em; padding-top: .25rem; max-width: 720px; }
.${CLASSES.table} th, .${CLASSES.table} td { padding: .25rem .6rem; border-bottom: 1px solid #e5e7eb; text-align: left; }
.${CLASSES.table} td.${CLASSES.number} { text-align: right; font-variant-numeric: tabular-nums; }
.${CLASSES.table} tr.${CLASSES.relevant} th { color: #0072B2; }
.${CLASSES.status} { color: #374151; font-style: italic; }
.${CLASSES.error} { color: #991b1b; background: #fef2f2; border-left: 4px solid #b91c1c; padding: .5rem .75rem; }
`
