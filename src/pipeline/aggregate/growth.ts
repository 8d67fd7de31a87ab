import type {Cause, Entry, Outcome} from '../../types.js'
import type {Commitment} from './commitments.js'
import type {LessonTheme} from './themes.js'

/**
 * Numbers per calendar period, from the first entry's to the last's, gaps included: quarters
 * when the entries span under `yearlyFrom` years, years beyond, so a page stays small whatever
 * the dates (at most 300 years of them, see `schema/date.ts`).
 */
export interface Growth {
  period: 'quarter' | 'year'
  /** `2024-Q1`, … or `2024`, … */
  periods: string[]
  entries: number[]
  outcomes: Record<Outcome, number[]>
  causes: Record<Cause, number[]>
  /** Cumulative: first occurrences of a theme, and occurrences of a theme seen before. */
  lessons: {new: number[]; recurring: number[]}
  /** Per quarter of the entry that made them. */
  commitments: {made: number[]; kept: number[]}
  /** Cumulative, in the most used currency; entries in other currencies are counted apart. */
  money: {currency: string; spent: number[]; earned: number[]; otherCurrencyEntries: number}
}

/** From this many years between the first entry and the last, growth is counted per year. */
export const yearlyFrom = 10

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
}

/** Every period from the first date's to the last's; years are always four digits (`schema/date.ts`). */
function periodRange(period: Growth['period'], first: string, last: string): string[] {
  const firstYear = Number(first.slice(0, 4))
  const lastYear = Number(last.slice(0, 4))
  const periods: string[] = []
  for (let year = firstYear; year <= lastYear; year++) {
    if (period === 'year') periods.push(String(year))
    else for (let q = 1; q <= 4; q++) periods.push(`${year}-Q${q}`)
  }
  if (period === 'year') return periods
  return periods.slice(periods.indexOf(quarterOf(first)), periods.indexOf(quarterOf(last)) + 1)
}

/** A pure function of published entries, their lesson themes and commitments. */
export function computeGrowth(entries: readonly Entry[], themes: readonly LessonTheme[], commitments: readonly Commitment[]): Growth {
  const dates = entries.map((e) => e.meta.date).sort()
  const period: Growth['period'] = dates.length > 0 && Number(dates.at(-1)!.slice(0, 4)) - Number(dates[0]!.slice(0, 4)) >= yearlyFrom ? 'year' : 'quarter'
  const periods = dates.length === 0 ? [] : periodRange(period, dates[0]!, dates.at(-1)!)
  const index = new Map(periods.map((key, i) => [key, i]))
  const zeros = () => periods.map(() => 0)
  const keyOf = period === 'year' ? (date: string) => date.slice(0, 4) : quarterOf
  // A date outside the entries' span (a commitment's, say) counts in the nearest period.
  const at = (date: string) => index.get(keyOf(date)) ?? (keyOf(date) < periods[0]! ? 0 : periods.length - 1)

  const growth: Growth = {
    period,
    periods,
    entries: zeros(),
    outcomes: {failed: zeros(), mixed: zeros(), succeeded: zeros()},
    causes: {information: zeros(), application: zeros(), circumstances: zeros()},
    lessons: {new: zeros(), recurring: zeros()},
    commitments: {made: zeros(), kept: zeros()},
    money: {currency: mainCurrency(entries), spent: zeros(), earned: zeros(), otherCurrencyEntries: 0}
  }
  for (const entry of entries) {
    const i = at(entry.meta.date)
    growth.entries[i]!++
    if (entry.meta.outcome) growth.outcomes[entry.meta.outcome][i]!++
    if (entry.meta.cause) growth.causes[entry.meta.cause][i]!++
    const cost = entry.meta.cost
    if (cost) {
      if ((cost.currency ?? growth.money.currency) !== growth.money.currency) growth.money.otherCurrencyEntries++
      else {
        growth.money.spent[i]! += cost.spent ?? 0
        growth.money.earned[i]! += cost.earned ?? 0
      }
    }
  }
  for (const theme of themes) {
    theme.occurrences.forEach((occurrence, n) => {
      growth.lessons[n === 0 ? 'new' : 'recurring'][at(occurrence.date)]!++
    })
  }
  for (const c of commitments) {
    growth.commitments.made[at(c.made)]!++
    if (c.done) growth.commitments.kept[at(c.made)]!++
  }
  for (const series of [growth.lessons.new, growth.lessons.recurring, growth.money.spent, growth.money.earned]) accumulate(series)
  return growth
}

function accumulate(series: number[]): void {
  for (let i = 1; i < series.length; i++) series[i]! += series[i - 1]!
}

function mainCurrency(entries: readonly Entry[]): string {
  const counts = new Map<string, number>()
  for (const e of entries) if (e.meta.cost?.currency) counts.set(e.meta.cost.currency, (counts.get(e.meta.cost.currency) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? ''
}
