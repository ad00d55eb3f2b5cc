/**
 * The report's Markdown helpers: core/report/markdown.ts passes its own to the symmetry section's Markdown (continuous
 * and discrete), so escaping and tables stay one copy. Its own file, so the two section writers import it without
 * importing each other back.
 */
export interface MarkdownHelpers {
  text: (value: string) => string
  table: (head: string[], align: string[], rows: string[][]) => string
  num: (value: number | null | undefined) => string
}
