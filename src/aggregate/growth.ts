import type {Cause, Entry, Outcome} from '../types.js'
import type {Commitment} from './commitments.js'
import type {LessonTheme} from './themes.js'

/** Numbers per calendar quarter, from the first entry's quarter to the last's, gaps included. */
export interface Growth {
  /** `2024-Q1`, … */
  quarters: string[]
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

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`
}

function quarterRange(first: string, last: string): string[] {
  const quarters: string[] = []
  let year = Number(first.slice(0, 4))
  let q = Number(first.slice(6))
  const end = last
  for (;;) {
    const key = `${year}-Q${q}`
    quarters.push(key)
    if (key >= end) return quarters
    q = q === 4 ? 1 : q + 1
    if (q === 1) year++
  }
}

/** A pure function of published entries, their lesson themes and commitments. */
export function computeGrowth(entries: readonly Entry[], themes: readonly LessonTheme[], commitments: readonly Commitment[]): Growth {
  const dates = entries.map((e) => e.meta.date).sort()
  const quarters = dates.length === 0 ? [] : quarterRange(quarterOf(dates[0]!), quarterOf(dates.at(-1)!))
  const index = new Map(quarters.map((q, i) => [q, i]))
  const zeros = () => quarters.map(() => 0)
  const at = (date: string) => index.get(quarterOf(date))!

  const growth: Growth = {
    quarters,
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
