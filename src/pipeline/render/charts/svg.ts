import type {Element, ElementContent} from 'hast'
import {h, s} from 'hastscript'
import type {Chart, ChartData} from './chart.js'

const width = 640
const height = 260
const margin = {top: 36, right: 16, bottom: 40, left: 48}
const plotWidth = width - margin.left - margin.right
const plotHeight = height - margin.top - margin.bottom

/**
 * Render a chart at build time as inline SVG with a title and description, plus a table of the
 * same numbers: readable with no JavaScript, no colour vision and no sight.
 */
export function renderChart(data: ChartData): Chart {
  return {...data, svg: chartSvg(data), table: chartTable(data)}
}

function chartSvg(data: ChartData): Element {
  const titleId = `${data.id}-title`
  const descId = `${data.id}-desc`
  const max = niceMax(maxValue(data))
  const y = (value: number) => margin.top + plotHeight - (value / max) * plotHeight
  const step = data.categories.length > 0 ? plotWidth / data.categories.length : plotWidth
  const marks = data.kind === 'lines' ? lineMarks(data, step, y) : barMarks(data, step, y)
  const ticks = [0, max / 2, max].map((value) =>
    s('g.tick', [
      s('line', {x1: margin.left, x2: width - margin.right, y1: y(value), y2: y(value)}),
      s('text', {x: margin.left - 6, y: y(value) + 4, textAnchor: 'end'}, compactNumber(value))
    ])
  )
  const every = Math.max(1, Math.ceil(data.categories.length / 8))
  const labels = data.categories.map((category, i) =>
    i % every === 0 ? s('text', {x: margin.left + step * (i + 0.5), y: height - margin.bottom + 18, textAnchor: 'middle'}, quarterLabel(category)) : undefined
  )
  const legend = data.series.map((series, i) =>
    s('g', {transform: `translate(${margin.left + i * 150}, 12)`}, [
      s('rect', {class: `series-${i}`, width: 12, height: 12, rx: 2}),
      s('text', {x: 18, y: 10}, series.name)
    ])
  )
  return s(
    'svg',
    {class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, xmlns: 'http://www.w3.org/2000/svg'},
    [
      s('title', {id: titleId}, data.title),
      s('desc', {id: descId}, data.description),
      s('g.axis', ticks),
      s('g.labels', labels),
      s('g.marks', marks),
      s('g.legend', legend)
    ]
  )
}

function barMarks(data: ChartData, step: number, y: (v: number) => number): ElementContent[] {
  const marks: ElementContent[] = []
  const groups = data.kind === 'stacked' ? 1 : data.series.length
  const barWidth = (step * 0.7) / groups
  data.categories.forEach((category, i) => {
    let base = 0
    data.series.forEach((series, n) => {
      const value = series.values[i] ?? 0
      if (value === 0) return
      const x = margin.left + step * i + step * 0.15 + (data.kind === 'stacked' ? 0 : n * barWidth)
      const from = data.kind === 'stacked' ? base : 0
      marks.push(
        s('rect', {class: `series-${n}`, x: round(x), y: round(y(from + value)), width: round(barWidth), height: round(y(from) - y(from + value))}, [
          s('title', `${quarterLabel(category)}, ${series.name}: ${formatNumber(value)}`)
        ])
      )
      base += value
    })
  })
  return marks
}

function lineMarks(data: ChartData, step: number, y: (v: number) => number): ElementContent[] {
  return data.series.map((series, n) => {
    const points = series.values.map((value, i) => `${round(margin.left + step * (i + 0.5))},${round(y(value))}`)
    return s('g', {class: `series-${n}`}, [
      s('polyline', {points: points.join(' '), fill: 'none'}),
      ...series.values.map((value, i) =>
        s('circle', {cx: round(margin.left + step * (i + 0.5)), cy: round(y(value)), r: 3}, [
          s('title', `${quarterLabel(data.categories[i]!)}, ${series.name}: ${formatNumber(value)}`)
        ])
      )
    ])
  })
}

function chartTable(data: ChartData): Element {
  const unit = data.unit ? ` (${data.unit})` : ''
  return h('table.chart-table', [
    h('caption', `${data.title}: the numbers`),
    h('thead', h('tr', [h('th', {scope: 'col'}, 'Quarter'), ...data.series.map((series) => h('th', {scope: 'col'}, `${series.name}${unit}`))])),
    h(
      'tbody',
      data.categories.map((category, i) =>
        h('tr', [h('th', {scope: 'row'}, quarterLabel(category)), ...data.series.map((series) => h('td', formatNumber(series.values[i] ?? 0)))])
      )
    )
  ])
}

function maxValue(data: ChartData): number {
  if (data.kind === 'stacked') return Math.max(0, ...data.categories.map((_, i) => data.series.reduce((sum, series) => sum + (series.values[i] ?? 0), 0)))
  return Math.max(0, ...data.series.flatMap((series) => series.values))
}

/** A round upper bound for the axis: 1, 2, 5, 10, 20, 50… and never 0. */
export function niceMax(value: number): number {
  if (value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const factor of [1, 2, 5, 10]) if (value <= factor * power) return factor * power
  return 10 * power
}

/** `2024-Q3` as `Q3 2024`; a year as it is. */
export function quarterLabel(key: string): string {
  const match = /^(\d{4})-(Q\d)$/.exec(key)
  return match ? `${match[2]} ${match[1]}` : key
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '')
}

/** Axis labels stay short: 20000 is `20k`. */
function compactNumber(value: number): string {
  if (Math.abs(value) >= 1_000_000) return `${formatNumber(value / 1_000_000)}M`
  if (Math.abs(value) >= 10_000) return `${formatNumber(value / 1000)}k`
  return formatNumber(value)
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
