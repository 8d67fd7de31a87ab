import type {Commitment} from '../aggregate/commitments.js'
import type {PeriodFigures} from '../aggregate/growth-summary.js'
import {periodLabel} from '../aggregate/periods.js'
import type {Site} from '../aggregate/site.js'
import type {Entry} from '../../types.js'
import type {Chart} from './charts/chart.js'
import type {EntryCard, GrowthPageData, GrowthPeriod} from './page-data.js'

/** The growth page's data: the two latest periods with the entries behind their figures, recurring themes and the charts. */
export function growthPageData(
  site: Site,
  charts: Chart[],
  card: (entry: Entry) => EntryCard,
  commitmentsOf: ReadonlyMap<string, readonly Commitment[]>
): GrowthPageData {
  const bySlug = new Map(site.entries.map((e) => [e.slug, e]))
  const themeById = new Map(site.themes.map((t) => [t.id, t]))
  const {latest, previous, recurring} = site.growth.summary
  const period = (figures: PeriodFigures): GrowthPeriod => ({
    ...figures,
    label: periodLabel(figures.period),
    anchor: `period-${figures.period}`,
    entries: figures.entries.map((slug) => {
      const entry = bySlug.get(slug)!
      const commitments = commitmentsOf.get(slug) ?? []
      return {
        card: card(entry),
        ...(entry.meta.cause ? {cause: entry.meta.cause} : {}),
        made: commitments.length,
        kept: commitments.filter((c) => c.done).length
      }
    })
  })
  const data: GrowthPageData = {
    period: site.growth.period,
    recurring: {still: recurring.still.map((id) => themeById.get(id)!), quiet: recurring.quiet.map((id) => themeById.get(id)!)},
    charts
  }
  if (recurring.asOf) data.recurring.asOf = recurring.asOf
  if (latest) data.latest = period(latest)
  if (previous) data.previous = period(previous)
  return data
}
