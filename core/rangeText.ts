// Limits and counts in words, for every error message and help text that states one (CLI, API, docs): "an integer
// from 1 to 64", "a number above 0 and at most 1", "1 event", "2 events". One wording, so help and checks agree.

/** A numeric range: inclusive bounds unless marked exclusive; either bound may be absent. */
export interface NumericRange {
  min?: number
  max?: number
  integer?: boolean
  exclusiveMin?: boolean
  exclusiveMax?: boolean
}

/** A limit as people write it: thousands separated (100,000), 2^53 − 1 for the largest exact integer. */
export function numberInWords(value: number): string {
  if (value === Number.MAX_SAFE_INTEGER) return '2^53 − 1'
  if (Number.isInteger(value) && Math.abs(value) >= 10_000) return value.toLocaleString('en-US')
  return String(value)
}

/** "an integer from 1 to 64", "a number above 0 and at most 1", "a number at least 0", "a number below 5". */
export function rangeInWords(range: NumericRange): string {
  const kind = range.integer ? 'an integer' : 'a number'
  const { min, max } = range
  if (min !== undefined && max !== undefined && !range.exclusiveMin && !range.exclusiveMax) {
    return `${kind} from ${numberInWords(min)} to ${numberInWords(max)}`
  }
  const parts: string[] = []
  if (min !== undefined) parts.push(`${range.exclusiveMin ? 'above' : 'at least'} ${numberInWords(min)}`)
  if (max !== undefined) parts.push(`${range.exclusiveMax ? 'below' : 'at most'} ${numberInWords(max)}`)
  return parts.length ? `${kind} ${parts.join(' and ')}` : kind
}

/** "1 event", "2 events", "1,000,000 events". */
export const countOf = (count: number, noun: string, plural = `${noun}s`): string =>
  `${count.toLocaleString('en-US')} ${count === 1 ? noun : plural}`
