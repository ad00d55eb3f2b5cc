import { wilsonInterval } from '../core/stats/index.js'

/**
 * "0.010 (2/200; 0.0027–0.036)": a rejection rate k/n with its 95 % Wilson interval, three decimals, or two significant
 * digits below 0.01 (the tail's rates at α = 0.001 need them). The calibration benches' common column.
 */
export function rejectionRate(k: number, n: number): string {
  const { share, lower, upper } = wilsonInterval(k, n)
  const show = (v: number) => (v > 0 && v < 0.01 ? v.toPrecision(2) : v.toFixed(3))
  return `${show(share)} (${k}/${n}; ${show(lower)}–${show(upper)})`
}
