import type {Cause, Entry, Outcome} from '../../types.js'
import {yearBefore, type Period} from './periods.js'
import type {LessonTheme} from './themes.js'

/** A share from 0 to 1 (four decimals), or `null` when there is nothing to divide by. */
export type Share = number | null

export function share(part: number, whole: number): Share {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null
}

export const outcomes: readonly Outcome[] = ['failed', 'mixed', 'succeeded']
export const causes: readonly Cause[] = ['information', 'application', 'circumstances']

/** What one period says, with the entries behind its figures. */
export interface PeriodFigures {
  /** Its key, such as `2024-Q3`. */
  period: string
  /** Slugs of the entries dated in it, oldest first: the entries behind every figure below. */
  entries: string[]
  outcomes: Record<Outcome, number>
  /** Entries that give an outcome: what the failed share is of. */
  withOutcome: number
  failedShare: Share
  causes: Record<Cause, number>
  /** Entries that give a cause: what cause shares are of. */
  withCause: number
  causeShares: Record<Cause, Share>
  /** Commitments made by its entries, and how many of them are done. */
  commitments: {made: number; kept: number; share: Share}
  /** Lessons written down in it whose theme had been written down before. */
  recurringLessons: number
}

export interface GrowthSummary {
  /** The period of the latest entry, and the period just before it (`null` with fewer than two periods). */
  latest: PeriodFigures | null
  previous: PeriodFigures | null
  /**
   * Recurring lesson themes (written down in two entries or more), by id, as of the latest
   * entry: `still`, written down again within the year before it; `quiet`, not come back for a
   * year or more.
   */
  recurring: {asOf: string | null; still: string[]; quiet: string[]}
}

export interface SummaryInput {
  period: Period
  periods: readonly string[]
  entries: readonly Entry[]
  themes: readonly LessonTheme[]
  /** Per-period counts, not cumulative. */
  counts: {
    outcomes: Record<Outcome, number[]>
    causes: Record<Cause, number[]>
    lessons: {recurring: number[]}
    commitments: {made: number[]; kept: number[]}
  }
  shares: {outcomes: Record<Outcome, Share[]>; causes: Record<Cause, Share[]>; kept: Share[]}
  /** The index of the period a date counts in. */
  at(date: string): number
}

export function summarizeGrowth(input: SummaryInput): GrowthSummary {
  const {periods, counts, shares} = input
  const chronological = [...input.entries].sort((a, b) => (a.meta.date < b.meta.date ? -1 : a.meta.date > b.meta.date ? 1 : a.slug < b.slug ? -1 : 1))
  const figures = (i: number): PeriodFigures => {
    const pick = <K extends string>(series: Record<K, number[]>) =>
      Object.fromEntries(Object.entries(series).map(([k, v]) => [k, (v as number[])[i]!])) as Record<K, number>
    const withOutcome = outcomes.reduce((sum, o) => sum + counts.outcomes[o][i]!, 0)
    return {
      period: periods[i]!,
      entries: chronological.filter((e) => input.at(e.meta.date) === i).map((e) => e.slug),
      outcomes: pick(counts.outcomes),
      withOutcome,
      failedShare: shares.outcomes.failed[i]!,
      causes: pick(counts.causes),
      withCause: causes.reduce((sum, c) => sum + counts.causes[c][i]!, 0),
      causeShares: {information: shares.causes.information[i]!, application: shares.causes.application[i]!, circumstances: shares.causes.circumstances[i]!},
      commitments: {made: counts.commitments.made[i]!, kept: counts.commitments.kept[i]!, share: shares.kept[i]!},
      recurringLessons: counts.lessons.recurring[i]!
    }
  }
  const asOf = chronological.at(-1)?.meta.date ?? null
  const cutoff = asOf === null ? '' : yearBefore(asOf)
  const recurring = input.themes.filter((t) => t.recurring)
  return {
    latest: periods.length > 0 ? figures(periods.length - 1) : null,
    previous: periods.length > 1 ? figures(periods.length - 2) : null,
    recurring: {
      asOf,
      still: recurring.filter((t) => t.last > cutoff).map((t) => t.id),
      quiet: recurring.filter((t) => t.last <= cutoff).map((t) => t.id)
    }
  }
}
