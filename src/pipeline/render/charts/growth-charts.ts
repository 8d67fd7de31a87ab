import type {Growth} from '../../aggregate/growth.js'
import {periodLabel} from '../../aggregate/periods.js'
import type {LessonTheme} from '../../aggregate/themes.js'
import type {Chart} from './chart.js'
import {numberFormat} from './format.js'
import {renderChart} from './svg.js'
import {renderTimeline} from './timeline.js'

/** Names for causes as the growth page says them. */
export const causeNames = {information: 'Missing information', application: 'Misused information', circumstances: 'Circumstances'} as const

/** The recurring lesson themes the time line shows: the most written-down ones. */
const maxTimelineRows = 12

/** The charts of the growth page, from the aggregated numbers and the site's lesson themes. */
export function growthCharts(growth: Growth, themes: readonly LessonTheme[] = [], lang?: string): Chart[] {
  const format = numberFormat(lang)
  const n = (value: number) => format.number(value)
  const categories = growth.periods
  const per = growth.period
  const categoryName = per === 'quarter' ? 'Quarter' : per === 'year' ? 'Year' : 'Decade'
  const span = categories.length > 0 ? `from ${periodLabel(categories[0]!)} to ${periodLabel(categories.at(-1)!)}` : 'with no entries yet'
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0)
  const last = (values: number[]) => values.at(-1) ?? 0
  const sumOf = (series: Record<string, number[]>) => categories.map((_, i) => Object.values(series).reduce((sum, values) => sum + values[i]!, 0))
  const money = growth.money
  const unit = money.currency || undefined
  const madeTotal = total(growth.commitments.made)
  const keptTotal = total(growth.commitments.kept)
  const recurring = themes.filter((t) => t.recurring)
  const quiet = new Set(growth.summary.recurring.quiet)
  const shown = recurring.slice(0, maxTimelineRows)
  return [
    renderChart(
      {
        id: 'chart-entries',
        kind: 'bars',
        title: `Entries per ${per}`,
        description:
          `${n(total(growth.entries))} ${total(growth.entries) === 1 ? 'post-mortem' : 'post-mortems'} written ${span}, ` +
          `counted by the ${per} of their date.`,
        categories,
        categoryName,
        series: [{name: 'Entries', values: growth.entries}]
      },
      lang
    ),
    renderChart(
      {
        id: 'chart-outcomes',
        kind: 'shares',
        title: `Outcome mix per ${per}`,
        description:
          `Each ${per}'s entries that give an outcome, as shares of 100%: ${n(total(growth.outcomes.failed))} failed, ` +
          `${n(total(growth.outcomes.mixed))} mixed, ${n(total(growth.outcomes.succeeded))} succeeded in all.`,
        categories,
        categoryName,
        columns: [{name: 'With an outcome', values: sumOf(growth.outcomes)}],
        series: [
          {name: 'Failed', key: 'failed', values: growth.outcomes.failed},
          {name: 'Mixed', key: 'mixed', values: growth.outcomes.mixed},
          {name: 'Succeeded', key: 'succeeded', values: growth.outcomes.succeeded}
        ]
      },
      lang
    ),
    renderChart(
      {
        id: 'chart-causes',
        kind: 'shares',
        title: `Cause mix per ${per}`,
        description:
          `What each ${per}'s entries came down to, as shares of 100%: ${n(total(growth.causes.information))} missing information, ` +
          `${n(total(growth.causes.application))} misused information, ${n(total(growth.causes.circumstances))} circumstances in all.`,
        categories,
        categoryName,
        columns: [{name: 'With a cause', values: sumOf(growth.causes)}],
        series: [
          {name: causeNames.information, values: growth.causes.information},
          {name: causeNames.application, values: growth.causes.application},
          {name: causeNames.circumstances, values: growth.causes.circumstances}
        ]
      },
      lang
    ),
    renderChart(
      {
        id: 'chart-commitments',
        kind: 'lines',
        percent: true,
        title: 'Commitments kept',
        description:
          `The share of each ${per}'s commitments that are done, by the ${per} of the entry that made them: ` +
          `${n(keptTotal)} of ${n(madeTotal)} in all${madeTotal > 0 ? ` (${format.percent((keptTotal / madeTotal) * 100)})` : ''}.`,
        categories,
        categoryName,
        columns: [
          {name: 'Made', values: growth.commitments.made},
          {name: 'Kept', values: growth.commitments.kept}
        ],
        series: [{name: 'Kept share', values: growth.shares.kept.map((share) => (share === null ? null : share * 100))}]
      },
      lang
    ),
    renderTimeline(
      {
        id: 'chart-recurring',
        title: 'Recurring lessons over time',
        description:
          recurring.length === 0
            ? 'No lesson has been written down in two entries yet.'
            : `Each time a lesson learned in two entries or more was written down${
                recurring.length > shown.length ? `: the ${shown.length} most written down of ${n(recurring.length)}` : ''
              }. ` + `${n(shown.filter((t) => quiet.has(t.id)).length)} of ${n(shown.length)} ${shown.length === 1 ? 'has' : 'have'} not come back for a year.`,
        period: growth.period,
        categories,
        rows: shown.map((t) => ({label: t.text, dates: t.occurrences.map((o) => o.date), quiet: quiet.has(t.id)}))
      },
      lang
    ),
    renderChart(
      {
        id: 'chart-lessons',
        kind: 'lines',
        title: 'Lessons learned, cumulative',
        description: `${n(last(growth.lessons.new))} new lessons and ${n(last(growth.lessons.recurring))} lessons learned again (a theme seen before) ${span}.`,
        categories,
        categoryName,
        series: [
          {name: 'New', values: growth.lessons.new},
          {name: 'Recurring', values: growth.lessons.recurring}
        ]
      },
      lang
    ),
    renderChart(
      {
        id: 'chart-money',
        kind: 'lines',
        title: 'Money spent and earned, cumulative',
        description:
          `${n(last(money.spent))} spent and ${n(last(money.earned))} earned${unit ? ` ${unit}` : ''} in total ${span}` +
          (money.otherCurrencyEntries > 0 ? `; ${n(money.otherCurrencyEntries)} entries in other currencies are not counted.` : '.'),
        categories,
        categoryName,
        series: [
          {name: 'Spent', values: money.spent},
          {name: 'Earned', values: money.earned}
        ],
        ...(unit ? {unit} : {})
      },
      lang
    )
  ]
}
