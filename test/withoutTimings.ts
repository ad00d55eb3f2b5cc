import type { Report } from '../core/report/schema.js'

/**
 * The report without its wall-clock times, the only fields allowed to differ between identical trainings (the
 * determinism, resume, restart and format-equivalence tests compare the rest byte for byte).
 */
export function withoutTimings(report: Report): Report {
  return {
    ...report,
    training: { ...report.training, seconds: 0, history: report.training.history.map((h) => ({ ...h, seconds: 0 })) },
  }
}
