import type {Element, ElementContent} from 'hast'
import {s} from 'hastscript'
import {periodLabel} from '../../aggregate/periods.js'
import {seriesClass, type Chart, type ChartData, type Series} from './chart.js'
import {axisTicks, numberFormat, type NumberFormat} from './format.js'
import {chartLegend, chartTable} from './table.js'

/**
 * The drawing's own units. On a narrow screen the SVG scales down and the theme's stylesheet
 * makes its text larger in these units, so the margins leave room for text up to 26 units high.
 */
export const width = 640
export const margin = {top: 16, right: 32, bottom: 44, left: 84}
const height = 280
const plotWidth = width - margin.left - margin.right
const plotHeight = height - margin.top - margin.bottom
/** At most this many labels under the x axis, so they never run into each other at any size. */
export const maxLabels = 5

/**
 * Render a chart at build time as inline SVG with a title and description, plus a table of the
 * same numbers: readable with no JavaScript, no colour vision and no sight.
 */
export function renderChart(data: ChartData, lang?: string): Chart {
  const format = numberFormat(lang)
  const legend = data.series.length > 1 ? chartLegend(data.series) : undefined
  return {
    id: data.id,
    title: data.title,
    description: data.description,
    kind: data.kind,
    svg: chartSvg(data, format),
    table: chartTable(data, format),
    ...(legend ? {legend} : {})
  }
}

/** The `svg` element around a chart's marks, named by its title and description. */
export function svgFrame(data: Pick<ChartData, 'id' | 'title' | 'description'>, size: {height: number}, children: ElementContent[]): Element {
  const titleId = `${data.id}-title`
  const descId = `${data.id}-desc`
  return s(
    'svg',
    {class: 'chart', viewBox: `0 0 ${width} ${size.height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, xmlns: 'http://www.w3.org/2000/svg'},
    [s('title', {id: titleId}, data.title), s('desc', {id: descId}, data.description), ...children]
  )
}

/** Labels under the x axis, one every few categories; `at(i)` is a category's centre. */
export function categoryLabels(categories: readonly string[], at: (i: number) => number, y: number): Element {
  const every = Math.max(1, Math.ceil(categories.length / maxLabels))
  return s(
    'g.labels',
    categories.map((category, i) => {
      if (i % every !== 0) return undefined
      const label = periodLabel(category)
      // Kept inside the drawing: half a label's width at the largest text size is under 8 units a character.
      const x = Math.min(Math.max(at(i), label.length * 8), width - label.length * 8)
      return s('text', {x: round(x), y, textAnchor: 'middle'}, label)
    })
  )
}

function chartSvg(data: ChartData, format: NumberFormat): Element {
  const percent = data.percent || data.kind === 'shares'
  const values = data.series.flatMap((series) => series.values).filter((v): v is number => v !== null)
  const ticks = percent ? [0, 25, 50, 75, 100] : axisTicks(maxValue(data), values.every(Number.isInteger))
  const max = ticks.at(-1)!
  const y = (value: number) => margin.top + plotHeight - (value / max) * plotHeight
  const step = data.categories.length > 0 ? plotWidth / data.categories.length : plotWidth
  const marks = data.kind === 'lines' ? lineMarks(data, step, y, format) : barMarks(data, step, y, format)
  const axis = ticks.map((value) =>
    s('g.tick', [
      s('line', {x1: margin.left, x2: width - margin.right, y1: round(y(value)), y2: round(y(value))}),
      s('text', {x: margin.left - 8, y: round(y(value)) + 5, textAnchor: 'end'}, percent ? format.percent(value) : format.compact(value))
    ])
  )
  const labels = categoryLabels(data.categories, (i) => margin.left + step * (i + 0.5), height - margin.bottom + 28)
  return svgFrame(data, {height}, [s('g.axis', axis), labels, s('g.marks', marks)])
}

function barMarks(data: ChartData, step: number, y: (v: number) => number, format: NumberFormat): ElementContent[] {
  const marks: ElementContent[] = []
  const grouped = data.kind === 'bars'
  const barWidth = (step * 0.7) / (grouped ? data.series.length : 1)
  data.categories.forEach((category, i) => {
    const total = data.series.reduce((sum, series) => sum + (series.values[i] ?? 0), 0)
    let base = 0
    data.series.forEach((series, n) => {
      const count = series.values[i] ?? 0
      if (count === 0) return
      const value = data.kind === 'shares' ? (count / total) * 100 : count
      const x = margin.left + step * i + step * 0.15 + (grouped ? n * barWidth : 0)
      const from = grouped ? 0 : base
      const said = data.kind === 'shares' ? `${format.number(count)} of ${format.number(total)} (${format.percent(value)})` : format.number(count)
      marks.push(
        s('rect', {class: seriesClass(series, n), x: round(x), y: round(y(from + value)), width: round(barWidth), height: round(y(from) - y(from + value))}, [
          s('title', `${periodLabel(category)}, ${series.name}: ${said}`)
        ])
      )
      base += value
    })
  })
  return marks
}

function lineMarks(data: ChartData, step: number, y: (v: number) => number, format: NumberFormat): ElementContent[] {
  const x = (i: number) => round(margin.left + step * (i + 0.5))
  return data.series.map((series, n) => {
    // A period with nothing to show breaks the line rather than dropping it to zero.
    const runs: string[][] = [[]]
    series.values.forEach((value, i) => {
      if (value === null) runs.push([])
      else runs.at(-1)!.push(`${x(i)},${round(y(value))}`)
    })
    const said = (value: number) => (data.percent ? format.percent(value) : format.number(value))
    return s('g', {class: seriesClass(series, n)}, [
      ...runs.filter((run) => run.length > 1).map((run) => s('polyline', {points: run.join(' '), fill: 'none'})),
      ...series.values.map((value, i) =>
        value === null
          ? undefined
          : s('circle', {cx: x(i), cy: round(y(value)), r: 4}, [s('title', `${periodLabel(data.categories[i]!)}, ${series.name}: ${said(value)}`)])
      )
    ])
  })
}

function maxValue(data: ChartData): number {
  const at = (series: Series, i: number) => series.values[i] ?? 0
  if (data.kind === 'stacked') return Math.max(0, ...data.categories.map((_, i) => data.series.reduce((sum, series) => sum + at(series, i), 0)))
  return Math.max(0, ...data.series.flatMap((series) => series.values.map((v) => v ?? 0)))
}

export function round(value: number): number {
  return Math.round(value * 10) / 10
}
