import type {Element, ElementContent} from 'hast'
import {h, s} from 'hastscript'
import {periodOf, positionInPeriod, type Period} from '../../aggregate/periods.js'
import {formatDate} from '../../../schema/date.js'
import type {Chart} from './chart.js'
import {numberFormat} from './format.js'
import {categoryLabels, margin, round, svgFrame, width} from './svg.js'

/** One lesson theme on the time line: every time it was written down. */
export interface TimelineRow {
  label: string
  /** `YYYY-MM-DD`, oldest first. */
  dates: string[]
  /** Not written down again for a year or more. */
  quiet: boolean
}

export interface TimelineData {
  id: string
  title: string
  description: string
  period: Period
  /** The periods of the x axis, as in the other charts. */
  categories: string[]
  rows: TimelineRow[]
}

const rowHeight = 56
/** A label longer than this is cut, so that it fits the drawing at a phone's text size. */
const maxLabel = 40

/** One row per theme, a dot for each time it was written down, on the other charts' time axis. */
export function renderTimeline(data: TimelineData, lang?: string): Chart {
  const rows = Math.max(1, data.rows.length)
  const height = margin.top + rows * rowHeight + margin.bottom
  const step = (width - margin.left - margin.right) / Math.max(1, data.categories.length)
  const index = new Map(data.categories.map((category, i) => [category, i]))
  const x = (date: string) => {
    const i = index.get(periodOf(data.period, date)) ?? 0
    return round(margin.left + step * (i + positionInPeriod(data.period, date)))
  }
  const marks: ElementContent[] = data.rows.map((row, r) => {
    const top = margin.top + r * rowHeight
    return s('g', {class: row.quiet ? 'timeline-row is-quiet' : 'timeline-row'}, [
      s('text', {x: 0, y: top + 20}, cut(row.label)),
      s('line', {x1: margin.left, x2: width - margin.right, y1: top + 40, y2: top + 40}),
      ...dots(row, data, x, lang).map((dot) => s('circle', {cx: dot.x, cy: top + 40, r: dot.r}, [s('title', dot.title)]))
    ])
  })
  if (data.rows.length === 0) marks.push(s('text', {x: margin.left, y: margin.top + 30}, 'No lesson has been written down twice yet.'))
  const labels = categoryLabels(data.categories, (i) => margin.left + step * (i + 0.5), height - margin.bottom + 28)
  return {
    id: data.id,
    title: data.title,
    description: data.description,
    kind: 'timeline',
    svg: svgFrame(data, {height}, [labels, s('g.marks', marks)]),
    table: timelineTable(data, lang)
  }
}

/** A period holding more than this many of a row's dates gets one larger dot, not one per date. */
const dotsPerPeriod = 3

/**
 * A row's dots: one per time it was written down, or, in a period where it was written down
 * often (a large site), one dot for the period, larger with the count: the drawing and the page
 * stay small however many entries there are.
 */
function dots(row: TimelineRow, data: TimelineData, x: (date: string) => number, lang?: string): {x: number; r: number; title: string}[] {
  const byPeriod = new Map<string, string[]>()
  for (const date of row.dates) {
    const period = periodOf(data.period, date)
    byPeriod.set(period, [...(byPeriod.get(period) ?? []), date])
  }
  const step = (width - margin.left - margin.right) / Math.max(1, data.categories.length)
  const index = new Map(data.categories.map((category, i) => [category, i]))
  const format = numberFormat(lang)
  return [...byPeriod].flatMap(([period, dates]) =>
    dates.length <= dotsPerPeriod
      ? dates.map((date) => ({x: x(date), r: 6, title: `${row.label}: ${formatDate(date, lang)}`}))
      : [
          {
            x: round(margin.left + step * ((index.get(period) ?? 0) + 0.5)),
            r: Math.min(14, round(6 + 2 * Math.log2(dates.length / dotsPerPeriod))),
            title: `${row.label}: ${format.number(dates.length)} times, ${period}`
          }
        ]
  )
}

function cut(label: string): string {
  return label.length > maxLabel ? `${label.slice(0, maxLabel - 1).trimEnd()}…` : label
}

function timelineTable(data: TimelineData, lang?: string): Element {
  const format = numberFormat(lang)
  return h('table.chart-table', [
    h('caption', `${data.title}: the numbers`),
    h(
      'thead',
      h(
        'tr',
        ['Lesson', 'Times', 'First', 'Last', 'Comes back?'].map((name) => h('th', {scope: 'col'}, name))
      )
    ),
    h(
      'tbody',
      data.rows.map((row) =>
        h('tr', [
          h('th', {scope: 'row'}, row.label),
          h('td', format.number(row.dates.length)),
          h('td', formatDate(row.dates[0]!, lang)),
          h('td', formatDate(row.dates.at(-1)!, lang)),
          h('td', row.quiet ? 'Not for a year' : 'Still')
        ])
      )
    )
  ])
}
