import type {Growth} from '../../aggregate/growth.js'
import type {Chart} from './chart.js'
import {quarterLabel, renderChart} from './svg.js'

/** The six charts of the growth page, from the aggregated numbers. */
export function growthCharts(growth: Growth): Chart[] {
  const categories = growth.periods
  const per = growth.period === 'year' ? 'year' : 'quarter'
  const span = categories.length > 0 ? `from ${quarterLabel(categories[0]!)} to ${quarterLabel(categories.at(-1)!)}` : 'with no entries yet'
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0)
  const last = (values: number[]) => values.at(-1) ?? 0
  const money = growth.money
  const unit = money.currency || undefined
  const madeTotal = total(growth.commitments.made)
  const keptTotal = total(growth.commitments.kept)
  return [
    renderChart({
      id: 'chart-entries',
      kind: 'bars',
      title: `Entries per ${per}`,
      description: `${total(growth.entries)} post-mortems written ${span}, counted by the ${per} of their date.`,
      categories,
      series: [{name: 'Entries', values: growth.entries}]
    }),
    renderChart({
      id: 'chart-outcomes',
      kind: 'stacked',
      title: `Outcomes per ${per}`,
      description:
        `How entries turned out each ${per}: ${total(growth.outcomes.failed)} failed, ${total(growth.outcomes.mixed)} mixed, ` +
        `${total(growth.outcomes.succeeded)} succeeded.`,
      categories,
      series: [
        {name: 'Failed', values: growth.outcomes.failed},
        {name: 'Mixed', values: growth.outcomes.mixed},
        {name: 'Succeeded', values: growth.outcomes.succeeded}
      ]
    }),
    renderChart({
      id: 'chart-causes',
      kind: 'stacked',
      title: `Causes per ${per}`,
      description:
        `What each failure came down to: ${total(growth.causes.information)} missing information, ` +
        `${total(growth.causes.application)} how it was applied, ${total(growth.causes.circumstances)} circumstances.`,
      categories,
      series: [
        {name: 'Information', values: growth.causes.information},
        {name: 'Application', values: growth.causes.application},
        {name: 'Circumstances', values: growth.causes.circumstances}
      ]
    }),
    renderChart({
      id: 'chart-lessons',
      kind: 'lines',
      title: 'Lessons learned, cumulative',
      description: `${last(growth.lessons.new)} new lessons and ${last(growth.lessons.recurring)} lessons learned again (a theme seen before) ${span}.`,
      categories,
      series: [
        {name: 'New', values: growth.lessons.new},
        {name: 'Recurring', values: growth.lessons.recurring}
      ]
    }),
    renderChart({
      id: 'chart-commitments',
      kind: 'bars',
      title: 'Commitments made and kept',
      description:
        `${madeTotal} commitments made and ${keptTotal} ` +
        `kept${madeTotal > 0 ? ` (${Math.round((keptTotal / madeTotal) * 100)}%)` : ''}, by the ${per} of the entry that made them.`,
      categories,
      series: [
        {name: 'Made', values: growth.commitments.made},
        {name: 'Kept', values: growth.commitments.kept}
      ]
    }),
    renderChart({
      id: 'chart-money',
      kind: 'lines',
      title: 'Money spent and earned, cumulative',
      description:
        `${last(money.spent)} spent and ${last(money.earned)} earned${unit ? ` ${unit}` : ''} in total ${span}` +
        (money.otherCurrencyEntries > 0 ? `; ${money.otherCurrencyEntries} entries in other currencies are not counted.` : '.'),
      categories,
      series: [
        {name: 'Spent', values: money.spent},
        {name: 'Earned', values: money.earned}
      ],
      ...(unit ? {unit} : {})
    })
  ]
}
