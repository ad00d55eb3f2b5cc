// The embeddable element's entry: `<script type="module" src="https://…/symscope-report.js"></script>` defines
// <symscope-report>. Nothing here loads TensorFlow.js: the element draws reports and asks the API for analyses.
import { TAG } from './constants.js'
import { SymscopeReportElement } from './SymscopeReport.js'

if (!customElements.get(TAG)) customElements.define(TAG, SymscopeReportElement)

export { SymscopeReportElement }
export { renderReport } from './reportView.js'
export type { ReportViewOptions } from './reportView.js'

declare global {
  interface HTMLElementTagNameMap {
    [TAG]: SymscopeReportElement
  }
}
