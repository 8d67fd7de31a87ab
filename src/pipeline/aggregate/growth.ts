import type {Cause, Entry, Outcome} from '../../types.js'
import type {Commitment} from './commitments.js'
import {causes, outcomes, share, summarizeGrowth, type GrowthSummary, type Share} from './growth-summary.js'
import {choosePeriod, periodOf, periodRange, type Period} from './periods.js'
import type {LessonTheme} from './themes.js'

export {quarterOf} from './periods.js'
export type {GrowthSummary, PeriodFigures, Share} from './growth-summary.js'

/**
 * Numbers per calendar period, from the first entry's to the last's, gaps included; the period
 * follows the span (`periods.ts`), so there are never more than 40 of them.
 */
export interface Growth {
  period: Period
  /** `2024-Q1`, … or `2024`, … or `1990s`, … */
  periods: string[]
  entries: number[]
  outcomes: Record<Outcome, number[]>
  causes: Record<Cause, number[]>
  /** Cumulative: first occurrences of a theme, and occurrences of a theme seen before. */
  lessons: {new: number[]; recurring: number[]}
  /** Per period of the entry that made them. */
  commitments: {made: number[]; kept: number[]}
  /** Cumulative, in the most used currency; entries in other currencies are counted apart. */
  money: {currency: string; spent: number[]; earned: number[]; otherCurrencyEntries: number}
  /**
   * Per period: each outcome's share of the entries that give one, each cause's share of the
   * entries that give one, and the share of commitments kept.
   */
  shares: {outcomes: Record<Outcome, Share[]>; causes: Record<Cause, Share[]>; kept: Share[]}
  /** The most recent period against the one before, and which recurring lessons still recur. */
  summary: GrowthSummary
}

/** A pure function of published entries, their lesson themes and commitments. */
export function computeGrowth(entries: readonly Entry[], themes: readonly LessonTheme[], commitments: readonly Commitment[]): Growth {
  const dates = entries.map((e) => e.meta.date).sort()
  const period = dates.length > 0 ? choosePeriod(dates[0]!, dates.at(-1)!) : 'quarter'
  const periods = dates.length === 0 ? [] : periodRange(period, dates[0]!, dates.at(-1)!)
  const index = new Map(periods.map((key, i) => [key, i]))
  const zeros = () => periods.map(() => 0)
  // A date outside the entries' span (a commitment's, say) counts in the nearest period.
  const at = (date: string) => index.get(periodOf(period, date)) ?? (periodOf(period, date) < periods[0]! ? 0 : periods.length - 1)

  const counts = {
    entries: zeros(),
    outcomes: {failed: zeros(), mixed: zeros(), succeeded: zeros()},
    causes: {information: zeros(), application: zeros(), circumstances: zeros()},
    lessons: {new: zeros(), recurring: zeros()},
    commitments: {made: zeros(), kept: zeros()},
    money: {currency: mainCurrency(entries), spent: zeros(), earned: zeros(), otherCurrencyEntries: 0}
  }
  for (const entry of entries) {
    const i = at(entry.meta.date)
    counts.entries[i]!++
    if (entry.meta.outcome) counts.outcomes[entry.meta.outcome][i]!++
    if (entry.meta.cause) counts.causes[entry.meta.cause][i]!++
    const cost = entry.meta.cost
    if (cost) {
      if ((cost.currency ?? counts.money.currency) !== counts.money.currency) counts.money.otherCurrencyEntries++
      else {
        counts.money.spent[i]! += cost.spent ?? 0
        counts.money.earned[i]! += cost.earned ?? 0
      }
    }
  }
  for (const theme of themes) {
    theme.occurrences.forEach((occurrence, n) => {
      counts.lessons[n === 0 ? 'new' : 'recurring'][at(occurrence.date)]!++
    })
  }
  for (const c of commitments) {
    counts.commitments.made[at(c.made)]!++
    if (c.done) counts.commitments.kept[at(c.made)]!++
  }
  const perPeriod = (values: Record<string, number[]>, i: number) => Object.values(values).reduce((sum, series) => sum + series[i]!, 0)
  const shares: Growth['shares'] = {
    outcomes: {failed: [], mixed: [], succeeded: []},
    causes: {information: [], application: [], circumstances: []},
    kept: periods.map((_, i) => share(counts.commitments.kept[i]!, counts.commitments.made[i]!))
  }
  periods.forEach((_, i) => {
    for (const o of outcomes) shares.outcomes[o].push(share(counts.outcomes[o][i]!, perPeriod(counts.outcomes, i)))
    for (const c of causes) shares.causes[c].push(share(counts.causes[c][i]!, perPeriod(counts.causes, i)))
  })
  const summary = summarizeGrowth({period, periods, entries, themes, counts, shares, at})
  for (const series of [counts.lessons.new, counts.lessons.recurring, counts.money.spent, counts.money.earned]) accumulate(series)
  return {period, periods, ...counts, shares, summary}
}

function accumulate(series: number[]): void {
  for (let i = 1; i < series.length; i++) series[i]! += series[i - 1]!
}

function mainCurrency(entries: readonly Entry[]): string {
  const counts = new Map<string, number>()
  for (const e of entries) if (e.meta.cost?.currency) counts.set(e.meta.cost.currency, (counts.get(e.meta.cost.currency) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? ''
}
