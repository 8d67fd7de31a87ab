import type {Element} from 'hast'
import {h} from 'hastscript'
import {periodLabel} from '../../aggregate/periods.js'
import {seriesClass, type ChartData, type Series} from './chart.js'
import type {NumberFormat} from './format.js'

/** The same numbers as a chart, as a table with headers for every row and column. */
export function chartTable(data: ChartData, format: NumberFormat): Element {
  const unit = data.unit ? ` (${data.unit})` : ''
  const columns = data.columns ?? []
  const cell = (value: number | null | undefined, i: number) => {
    if (value === null || value === undefined) return '–'
    if (data.percent) return format.percent(value)
    if (data.kind !== 'shares') return format.number(value)
    const total = data.series.reduce((sum, series) => sum + (series.values[i] ?? 0), 0)
    return total > 0 ? `${format.number(value)} (${format.percent((value / total) * 100)})` : format.number(value)
  }
  return h('table.chart-table', [
    h('caption', `${data.title}: the numbers`),
    h(
      'thead',
      h('tr', [
        h('th', {scope: 'col'}, data.categoryName ?? 'Quarter'),
        ...columns.map((column) => h('th', {scope: 'col'}, column.name)),
        ...data.series.map((series) => h('th', {scope: 'col'}, `${series.name}${unit}`))
      ])
    ),
    h(
      'tbody',
      data.categories.map((category, i) =>
        h('tr', [
          h('th', {scope: 'row'}, periodLabel(category)),
          ...columns.map((column) => h('td', format.number(column.values[i] ?? 0))),
          ...data.series.map((series) => h('td', cell(series.values[i], i)))
        ])
      )
    )
  ])
}

/** Each series' colour beside its name. */
export function chartLegend(series: readonly Series[]): Element {
  return h(
    'ul.chart-legend',
    series.map((one, n) => h('li', [h('span', {className: ['swatch', seriesClass(one, n)], ariaHidden: 'true'}), one.name]))
  )
}
