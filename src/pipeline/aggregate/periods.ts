/** What growth counts by: calendar quarters, years or decades, chosen from the entries' span. */
export type Period = 'quarter' | 'year' | 'decade'

/**
 * The rule, in one place: quarters while the entries span at most 16 quarters (four years, so a
 * quarter still holds a few entries), years while they span at most 40 years, decades beyond.
 * Never more than `maxColumns` columns: dates run from 1900 to 2199 (`schema/date.ts`), which is
 * 30 decades.
 */
export const maxQuarters = 16
export const maxColumns = 40

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
}

/** The key of the period a `YYYY-MM-DD` date falls in: `2024-Q3`, `2024` or `2020s`. */
export function periodOf(period: Period, date: string): string {
  if (period === 'quarter') return quarterOf(date)
  if (period === 'year') return date.slice(0, 4)
  return `${date.slice(0, 3)}0s`
}

/** The finest period the rule allows for the span from `first` to `last` (sorted dates). */
export function choosePeriod(first: string, last: string): Period {
  const years = Number(last.slice(0, 4)) - Number(first.slice(0, 4))
  const quarters = years * 4 + Number(quarterOf(last).slice(-1)) - Number(quarterOf(first).slice(-1)) + 1
  if (quarters <= maxQuarters) return 'quarter'
  return years + 1 <= maxColumns ? 'year' : 'decade'
}

/** Every period from the first date's to the last's, gaps included. Years are always four digits. */
export function periodRange(period: Period, first: string, last: string): string[] {
  const firstYear = Number(first.slice(0, 4))
  const lastYear = Number(last.slice(0, 4))
  const periods: string[] = []
  if (period === 'decade') {
    for (let year = firstYear - (firstYear % 10); year <= lastYear; year += 10) periods.push(`${year}s`)
    return periods
  }
  for (let year = firstYear; year <= lastYear; year++) {
    if (period === 'year') periods.push(String(year))
    else for (let q = 1; q <= 4; q++) periods.push(`${year}-Q${q}`)
  }
  if (period === 'year') return periods
  return periods.slice(periods.indexOf(quarterOf(first)), periods.indexOf(quarterOf(last)) + 1)
}

/** Where a date lies within its period, from 0 (its first day) to just under 1. */
export function positionInPeriod(period: Period, date: string): number {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7)) - 1
  const day = Number(date.slice(8, 10)) - 1
  const yearFraction = (month + day / 31) / 12
  if (period === 'year') return yearFraction
  if (period === 'decade') return ((year % 10) + yearFraction) / 10
  return ((month % 3) + day / 31) / 3
}

/** `2024-Q3` as `Q3 2024`; a year or a decade as it is. */
export function periodLabel(key: string): string {
  const match = /^(\d{4})-(Q\d)$/.exec(key)
  return match ? `${match[2]} ${match[1]}` : key
}

/** The date one year before a `YYYY-MM-DD` date (February 29 gives February 28). */
export function yearBefore(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0')
  const rest = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4)
  return year + rest
}
